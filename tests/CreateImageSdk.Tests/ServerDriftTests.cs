using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>
    /// The local server reads the spec on its own (it must not reference the SDK); this test keeps the two readings
    /// together: for every known model and every listed value, the server answers 200 exactly when the generated
    /// rules accept the request. A model added to the schema but not to the server fails here.
    /// </summary>
    public class ServerDriftTests
    {
        [Fact]
        public async Task EveryKnownModelAndValue_IsAcceptedByTheServer_ExactlyWhenTheGeneratedRulesAcceptIt()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = null });
            using var http = new HttpClient();
            var cases = new List<(string Parameter, string Value, Func<CreateImageRequest, CreateImageRequest> Set)>();
            cases.AddRange(ImageSize.KnownValues.Select(s => ("size", s.Value, (Func<CreateImageRequest, CreateImageRequest>)(r => r with { Size = s }))));
            cases.AddRange(Enum.GetValues<ImageQuality>().Select(q => ("quality", q.ToWireString(), (Func<CreateImageRequest, CreateImageRequest>)(r => r with { Quality = q }))));
            cases.AddRange(Enum.GetValues<ImageStyle>().Select(s => ("style", s.ToWireString(), (Func<CreateImageRequest, CreateImageRequest>)(r => r with { Style = s }))));
            var disagreements = new List<string>();

            foreach (var model in ImageModel.KnownValues)
            {
                foreach (var (parameter, value, set) in cases)
                {
                    var request = set(new CreateImageRequest { Prompt = "otter", Model = model, ResponseFormat = model.Value.StartsWith("dall-e", StringComparison.Ordinal) ? ImageResponseFormat.B64Json : null });
                    var sdkAccepts = request.Validate().Count == 0;
                    using var body = new StringContent(JsonSerializer.Serialize(request, CreateImageSdkJsonContext.Default.CreateImageRequest), Encoding.UTF8, "application/json");
                    using var answer = await http.PostAsync(new Uri(server.BaseUri, "images/generations"), body);
                    var serverAccepts = answer.IsSuccessStatusCode;
                    if (sdkAccepts != serverAccepts)
                    {
                        disagreements.Add(model.Value + " " + parameter + "=" + value + ": the SDK " + (sdkAccepts ? "accepts" : "refuses") + ", the server answers " + (int)answer.StatusCode);
                    }
                }
            }

            Assert.True(disagreements.Count == 0, "The local server and the schema disagree:\n" + string.Join("\n", disagreements));
        }
    }
}
