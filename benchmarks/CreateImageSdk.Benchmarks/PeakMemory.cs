using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>
    /// A call's peak memory, measured once per benchmark process outside the timed loop (after a warm call): the
    /// bytes the call allocates (GC.GetTotalAllocatedBytes, precise) plus the most bytes it had rented from the shared
    /// ArrayPool at one time (ArrayPoolEventSource's BufferRented/BufferReturned events). Everything a call allocates
    /// could be alive at once, so the sum is an upper bound of its peak; a pooled buffer is memory the call holds
    /// though it allocates nothing. Results go to the file named by <see cref="FileVariable"/> for the columns.
    /// </summary>
    internal sealed class PeakMemory : EventListener
    {
        public const string FileVariable = "CREATEIMAGE_BENCH_MEASUREMENTS";

        private readonly ConcurrentDictionary<int, int> _out = new ConcurrentDictionary<int, int>();
        private long _outstanding;
        private long _peak;
        private long _rented;

        public static async Task MeasureAsync(string type, string method, string @case, Func<Task> call)
        {
            // Warm, for every library alike, so the single-call iterations that follow time fully optimized code:
            // tiered JIT counts a method's calls (30 to be recompiled) only once no new method has been compiled for
            // 100 ms, so a fast call needs warming for a time, not a count (40 calls of 2 ms all fall inside that
            // delay, and such a case was timed at tier 0). At least 40 calls and 1.5 s, a pause for the optimized
            // code to be installed, then again for the methods first reached by then.
            for (var round = 0; round < 2; round++)
            {
                var warm = System.Diagnostics.Stopwatch.StartNew();
                for (var calls = 0; calls < 40 || warm.ElapsedMilliseconds < 1500; calls++) await call();
                await Task.Delay(500);
            }

            await call();
            using var listener = new PeakMemory();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            Interlocked.Exchange(ref listener._peak, 0);
            Interlocked.Exchange(ref listener._outstanding, 0);
            Interlocked.Exchange(ref listener._rented, 0);
            listener._out.Clear();
            await call();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            Record(type, method, @case, "allocated", allocated);
            Record(type, method, @case, "pooledPeak", Interlocked.Read(ref listener._peak));
            Record(type, method, @case, "pooledRented", Interlocked.Read(ref listener._rented));
        }

        public static void Record(string type, string method, string @case, string key, long value)
        {
            var file = Environment.GetEnvironmentVariable(FileVariable);
            if (string.IsNullOrEmpty(file)) return;
            lock (typeof(PeakMemory)) File.AppendAllText(file, type + "\t" + method + "\t" + @case + "\t" + key + "\t" + value + Environment.NewLine);
        }

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "System.Buffers.ArrayPoolEventSource") EnableEvents(source, EventLevel.Verbose, EventKeywords.All);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.Payload is null || e.Payload.Count < 2) return;
            // BufferRented (1) and BufferReturned (3): (bufferId, bufferSize, poolId, …).
            var id = (int)e.Payload[0]!;
            var size = (int)e.Payload[1]!;
            if (e.EventId == 1)
            {
                _out[id] = size;
                Interlocked.Add(ref _rented, size);
                var now = Interlocked.Add(ref _outstanding, size);
                long peak;
                while (now > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
                {
                }
            }
            else if (e.EventId == 3 && _out.TryRemove(id, out var rented))
            {
                Interlocked.Add(ref _outstanding, -rented);
            }
        }
    }
}
