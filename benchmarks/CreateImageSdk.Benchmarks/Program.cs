using System;
using System.IO;
using BenchmarkDotNet.Running;

// The side-by-side comparisons (README "Performance"), in one run:
//   dotnet run -c Release --project benchmarks/CreateImageSdk.Benchmarks -- --filter '*MemoryComparison*'
// Peak memory is measured inside each benchmark process and handed to the table's columns through this file.
var measurements = Path.GetFullPath(Path.Combine("BenchmarkDotNet.Artifacts", "measurements.tsv"));
Directory.CreateDirectory(Path.GetDirectoryName(measurements)!);
File.Delete(measurements);
Environment.SetEnvironmentVariable(CreateImageSdk.Benchmarks.PeakMemory.FileVariable, measurements);
BenchmarkSwitcher.FromAssembly(typeof(CreateImageSdk.Benchmarks.MemoryComparisonBenchmarks).Assembly).Run(args);
