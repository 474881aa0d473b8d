return CertInstaller.ActionHost.ActionHostProgram.Run(args, Console.Out);
