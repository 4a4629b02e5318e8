using System.IO;
using System.Threading.Tasks;
using CreateImageSdk.Http;
using Xunit;
using CreateImageSdk.Responses;

namespace CreateImageSdk.Tests
{
    public class LimitedReadStreamTests
    {
        [Fact]
        public async Task ReadingPastTheLimit_Fails_AndUpToItSucceeds()
        {
            using var within = new LimitedReadStream(new MemoryStream(new byte[10]), limit: 10, "the body");
            var buffer = new byte[4];
            var total = 0;
            int read;
            while ((read = await within.ReadAsync(buffer, 0, buffer.Length)) > 0) total += read;
            Assert.Equal(10, total);

            using var over = new LimitedReadStream(new MemoryStream(new byte[11]), limit: 10, "the body");
            var ex = await Assert.ThrowsAsync<ResponseTooLargeException>(async () =>
            {
                while (await over.ReadAsync(buffer, 0, buffer.Length) > 0) { }
            });
            Assert.Contains("larger than", ex.Message);
        }
    }
}
