using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.Tests.Faults
{
    /// <summary>
    /// The one retry rule a socket cannot show: a timeout before the request body left (a connect that never
    /// completes) is retried, because nothing can be generating. A handler that never reads the body stands in
    /// for the connect that hangs.
    /// </summary>
    public class UnsentTimeoutTests
    {
        [Fact]
        public async Task TimeoutBeforeTheBodyWasSent_IsRetried_EvenWithoutRetryTimeouts()
        {
            var handler = new NeverConnects();
            using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            using var client = new ImageClient(new ImageClientOptions
            {
                ApiKey = FaultTests.Key, BaseUri = new Uri("http://127.0.0.1:9/v1/"), HttpClient = http, Timeout = TimeSpan.FromMilliseconds(200),
            });

            var ex = await FaultTests.Expect<TimeoutException>(() => client.CreateImage("otter").SendAsync(FaultTests.Bound()));

            Assert.Equal(3, handler.Calls);
            Assert.Contains("3 attempts", ex.Message);
        }

        private sealed class NeverConnects : HttpMessageHandler
        {
            private int _calls;

            public int Calls => Volatile.Read(ref _calls);

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _calls);
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            }
        }
    }
}
