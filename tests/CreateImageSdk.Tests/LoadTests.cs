using System;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Tests
{
    public class LoadTests
    {
        [Fact]
        public async Task ThousandConcurrentRequests_ThroughOneClient_AllSucceedIntact_AndLeaveNoSocketInUse()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = null });
            var port = server.BaseUri.Port;
            var client = new ImageClient(new ImageClientOptions { BaseUri = server.BaseUri });
            using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));

            var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
                client.CreateImage("otter number " + i).WithModel(ImageModel.DallE2).WithSize(ImageSize.Size256x256)
                    .WithResponseFormat(ImageResponseFormat.B64Json).SendAsync(bound.Token)));

            Assert.Equal(1000, server.Requests.Count);
            Assert.All(responses, response => Assert.Equal((256, 256), PngInfo.Read(Assert.Single(response.Data).Bytes!)));
            // Each prompt draws its own picture, so a mixed-up or torn body would show as a duplicate.
            Assert.Equal(1000, responses.Select(r => Convert.ToBase64String(r.Data[0].Bytes!.Value.ToArray())).Distinct().Count());

            client.Dispose();
            // Closing is asynchronous on both ends; wait (bounded) until no connection to the server is open.
            while (OpenConnections(port) > 0 && !bound.IsCancellationRequested) await Task.Delay(50);
            Assert.Equal(0, OpenConnections(port));
        }

        private static int OpenConnections(int port) =>
            IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
                .Count(c => c.RemoteEndPoint.Port == port && c.State is TcpState.Established or TcpState.CloseWait);
    }
}
