return CertInstaller.ActionHost.ActionHostProgram.ProcessExit(args, Console.Out);
