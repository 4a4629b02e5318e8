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
            cases.AddRange(ImageQuality.KnownValues.Select(q => ("quality", q.Value, (Func<CreateImageRequest, CreateImageRequest>)(r => r with { Quality = q }))));
            cases.AddRange(ImageStyle.KnownValues.Select(s => ("style", s.Value, (Func<CreateImageRequest, CreateImageRequest>)(r => r with { Style = s }))));
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

        [Fact]
        public async Task Edits_EveryKnownModelAndValue_IsAcceptedByTheServer_ExactlyWhenTheGeneratedEditRulesAcceptIt()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = null });
            using var client = new ImageClient(new ImageClientOptions { BaseUri = server.BaseUri, MaxRetries = 0 });
            var square = ImageInput.FromBytes(Edits.TestImages.Png(256, 256));
            var cases = new List<(string Parameter, string Value, Func<EditImageRequest, EditImageRequest> Set)>();
            cases.Add(("(defaults)", string.Empty, r => r));
            cases.AddRange(ImageSize.KnownValues.Select(s => ("size", s.Value, (Func<EditImageRequest, EditImageRequest>)(r => r with { Size = s }))));
            cases.AddRange(ImageQuality.KnownValues.Select(q => ("quality", q.Value, (Func<EditImageRequest, EditImageRequest>)(r => r with { Quality = q }))));
            cases.AddRange(InputFidelity.KnownValues.Select(f => ("input_fidelity", f.Value, (Func<EditImageRequest, EditImageRequest>)(r => r with { InputFidelity = f }))));
            cases.Add(("image", "two images", r => r with { Images = new[] { square, square } }));
            var disagreements = new List<string>();

            foreach (var model in ImageModel.KnownValues)
            {
                foreach (var (parameter, value, set) in cases)
                {
                    var request = set(new EditImageRequest { Prompt = "otter", Images = new[] { square }, Model = model });
                    var sdkAccepts = request.Validate().Count == 0;
                    // What the SDK accepts goes through the SDK; what it refuses is sent by hand as the same form, so the
                    // server's own reading is heard either way.
                    var status = sdkAccepts ? (await client.EditImageRawAsync(request)).StatusCode : (await SendUncheckedAsync(server, request)).StatusCode;
                    var serverAccepts = status == 200;
                    if (sdkAccepts != serverAccepts)
                    {
                        disagreements.Add(model.Value + " " + parameter + "=" + value + ": the SDK " + (sdkAccepts ? "accepts" : "refuses") + ", the server answers " + status);
                    }
                }
            }

            Assert.True(disagreements.Count == 0, "The local server and the edit schema disagree:\n" + string.Join("\n", disagreements));
            Assert.Empty(LocalImageServer.EditModels.Except(ImageModel.KnownValues.Select(m => m.Value))); // the server edits with no model the SDK does not know
        }

        /// <summary>Sends a request the SDK would refuse, as the same multipart form, so the server's own reading is heard.</summary>
        private static async Task<(int StatusCode, string Body)> SendUncheckedAsync(LocalImageServer server, EditImageRequest request)
        {
            using var http = new HttpClient();
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(request.Prompt), "prompt");
            foreach (var image in request.Images)
            {
                form.Add(new ByteArrayContent(Edits.TestImages.Png(256, 256)) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(image.MediaType) } }, request.Images.Count > 1 ? "image[]" : "image", image.FileName);
            }

            if (request.Model is { } model) form.Add(new StringContent(model.Value), "model");
            if (request.Size is { } size) form.Add(new StringContent(size.Value), "size");
            if (request.Quality is { } quality) form.Add(new StringContent(quality.Value), "quality");
            if (request.InputFidelity is { } fidelity) form.Add(new StringContent(fidelity.Value), "input_fidelity");
            using var answer = await http.PostAsync(new Uri(server.BaseUri, "images/edits"), form);
            return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
        }
    }
}
