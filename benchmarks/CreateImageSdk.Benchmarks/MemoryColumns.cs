using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>A column from what <see cref="PeakMemory"/> recorded in the benchmark processes.</summary>
    public sealed class MeasuredColumn : IColumn
    {
        private readonly string _key;
        private readonly Func<long, BenchmarkCase, string> _format;

        public MeasuredColumn(string name, string key, string legend, Func<long, BenchmarkCase, string> format)
        {
            ColumnName = name;
            _key = key;
            Legend = legend;
            _format = format;
        }

        public string Id => nameof(MeasuredColumn) + "." + ColumnName;

        public string ColumnName { get; }

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 2;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend { get; }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var values = Read(benchmarkCase, _key);
            return values is null ? "-" : _format(values.Value, benchmarkCase);
        }

        /// <summary>The value recorded for the case (the last, should it have run twice); pooledPeak and allocated add up as "peak".</summary>
        internal static long? Read(BenchmarkCase benchmarkCase, string key)
        {
            var file = Environment.GetEnvironmentVariable(PeakMemory.FileVariable);
            if (file is null || !File.Exists(file)) return null;
            var type = benchmarkCase.Descriptor.Type.Name;
            var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
            var @case = AllocationPerDecodedByteColumn.Case(benchmarkCase);
            var found = new Dictionary<string, long>();
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split('\t');
                if (parts.Length == 5 && parts[0] == type && parts[1] == method && (parts[2] == @case || @case.Length == 0)) found[parts[3]] = long.Parse(parts[4], CultureInfo.InvariantCulture);
            }

            if (key == "peak") return found.TryGetValue("allocated", out var a) && found.TryGetValue("pooledPeak", out var p) ? a + p : null;
            return found.TryGetValue(key, out var value) ? value : null;
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        internal static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture) + " MiB";

        internal static string PerDecoded(long bytes, BenchmarkCase benchmarkCase)
        {
            var @case = AllocationPerDecodedByteColumn.Case(benchmarkCase);
            if (@case.Length == 0) return "-";
            var (images, size) = Bodies.Shape(@case);
            return (bytes / ((double)images * size)).ToString("0.000", CultureInfo.InvariantCulture) + "x";
        }
    }

    /// <summary>The memory comparison's columns: peak per call (and ÷ decoded bytes), the pool's part, the concurrent run's working set.</summary>
    public sealed class MemoryConfig : ManualConfig
    {
        public MemoryConfig()
        {
            AddColumn(
                new MeasuredColumn("Peak/call", "peak", "Allocated during one call + the most bytes it had rented from ArrayPool.Shared at once", (v, _) => MeasuredColumn.Megabytes(v)),
                new MeasuredColumn("Peak/decoded", "peak", "Peak/call divided by the decoded image bytes", MeasuredColumn.PerDecoded),
                new MeasuredColumn("Pooled peak", "pooledPeak", "The most bytes one call had rented from ArrayPool.Shared at once (kept by the pool after the call)", (v, _) => MeasuredColumn.Megabytes(v)),
                new MeasuredColumn("Peak WS", "peakWorkingSet", "Peak working set of the benchmark's own process", (v, _) => MeasuredColumn.Megabytes(v)),
                new RatioToOfficialColumn());
        }
    }
}
