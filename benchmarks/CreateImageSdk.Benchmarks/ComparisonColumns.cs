using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>A benchmark class whose cases decode a known number of image bytes.</summary>
    public interface IDecodesImages
    {
        /// <summary>The decoded image bytes one operation of the case delivers.</summary>
        long DecodedBytes(string @case);
    }

    /// <summary>Allocated bytes ÷ the image bytes the call delivers: 1.0 is the floor (the images themselves).</summary>
    public sealed class AllocationPerDecodedByteColumn : IColumn
    {
        public string Id => nameof(AllocationPerDecodedByteColumn);

        public string ColumnName => "Alloc/decoded";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Allocated bytes divided by the decoded image bytes (1.0 = only the images)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var allocated = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            if (allocated is null || !(Activator.CreateInstance(benchmarkCase.Descriptor.Type) is IDecodesImages decodes)) return "-";
            var decoded = decodes.DecodedBytes(Case(benchmarkCase));
            return decoded == 0 ? "-" : (allocated.Value / (double)decoded).ToString("0.0000", CultureInfo.InvariantCulture);
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        internal static string Case(BenchmarkCase benchmarkCase) => benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Case")?.Value as string ?? string.Empty;
    }

    /// <summary>Mean time ÷ the official OpenAI library's mean time for the same case (below 1: faster).</summary>
    public sealed class RatioToOfficialColumn : IColumn
    {
        public string Id => nameof(RatioToOfficialColumn);

        public string ColumnName => "vs official";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Mean time divided by the official OpenAI .NET library's for the same case";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var official = summary.BenchmarksCases.FirstOrDefault(c =>
                c.Descriptor.WorkloadMethod.Name == "Official" && c.Descriptor.Type == benchmarkCase.Descriptor.Type &&
                AllocationPerDecodedByteColumn.Case(c) == AllocationPerDecodedByteColumn.Case(benchmarkCase));
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var officialMean = official is null ? null : summary[official]?.ResultStatistics?.Mean;
            return mean is null || officialMean is null || officialMean == 0 ? "-" : (mean.Value / officialMean.Value).ToString("0.00", CultureInfo.InvariantCulture) + "x";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    /// <summary>The comparison's columns on top of the defaults (Mean, Ratio to the baseline, Allocated).</summary>
    public sealed class ComparisonConfig : ManualConfig
    {
        public ComparisonConfig()
        {
            AddColumn(new AllocationPerDecodedByteColumn(), new RatioToOfficialColumn());
        }
    }
}
