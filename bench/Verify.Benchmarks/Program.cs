using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Verify.Benchmarks -- --filter '*'   (see docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(Verify.Benchmarks.DerivationBenchmarks).Assembly).Run(args);
