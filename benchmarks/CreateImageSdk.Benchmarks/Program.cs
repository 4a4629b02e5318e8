using BenchmarkDotNet.Running;

// The side-by-side comparison (README "Performance"):
//   dotnet run -c Release --project benchmarks/CreateImageSdk.Benchmarks -- --filter '*Comparison*'
BenchmarkSwitcher.FromAssembly(typeof(CreateImageSdk.Benchmarks.ResponseComparisonBenchmarks).Assembly).Run(args);
