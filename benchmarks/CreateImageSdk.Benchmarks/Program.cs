using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/CreateImageSdk.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CreateImageSdk.Benchmarks.ResponseReadingBenchmarks).Assembly).Run(args);
