using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Package.Tests
{
    [Collection(PackageCollection.Name)]
    public class AotTests
    {
        private readonly PackageFixture _package;

        public AotTests(PackageFixture package) => _package = package;

        [Fact]
        public async Task AotSample_PublishesWithNoTrimOrAotWarnings_AndRunsAgainstTheLocalServer()
        {
            var program = File.ReadAllText(Path.Combine(DotNet.RepoRoot, "samples", "AotSample", "Program.cs"));
            var directory = _package.CreateConsumer("AotConsumer", "net10.0",
                "<PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization><TreatWarningsAsErrors>false</TreatWarningsAsErrors>",
                ("Program.cs", program));

            var publish = await DotNet.RunAsync(directory, "publish", "-c", "Release", "-r", "linux-x64", "-o", "out", "-nodeReuse:false");

            Assert.True(publish.ExitCode == 0, publish.ToString());
            var warnings = Regex.Matches(publish.Output, @"warning (IL\d+)");
            Assert.True(warnings.Count == 0, "trim/AOT warnings:\n" + publish.Output);

            await using var server = await LocalImageServer.StartAsync();
            var run = await DotNet.RunProgramAsync(Path.Combine(directory, "out", "AotConsumer"), directory, server.BaseUri.ToString(), LocalImageServer.DefaultApiKey);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.StartsWith("256x256 ", run.Output.Trim());
        }
    }
}
