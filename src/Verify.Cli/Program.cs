return Verify.Cli.VerifyApp.Run(args);
