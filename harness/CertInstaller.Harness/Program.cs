return CertInstaller.Harness.Cli.Run(args, Console.Out, Console.Error);
