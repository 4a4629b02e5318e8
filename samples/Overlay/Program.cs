using System;
using System.Linq;
using CreateImageSdk;
using CreateImageSdk.Samples.Overlay;

// Models and values the SDK does not know yet, typed by this project's overlay (gpt-image-2-5.overlay.json).
// Usage: Overlay <base-url> <api-key>, e.g. a local image server started with LocalImageServerOptions.ForOverlays(...).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Overlay <base-url> <api-key>");
    return 2;
}

using var client = new ImageClient(new ImageClientOptions { BaseUri = new Uri(args[0]), ApiKey = args[1], MaxRetries = 0 });

// gpt-image-2.5-flare: gpt-image-2's rules (borrowed, as the overlay says) plus quality xhigh and a seed.
var flare = await client.CreateImage("A lighthouse at dusk")
    .UsingGptImage2_5Flare()
    .WithQuality(GptImage2_5FlareQuality.Xhigh)
    .WithSize(GptImage2_5FlareSize.Size1536x1024)
    .WithSeed(42)
    .SendAsync();
await flare.Data[0].SaveAsync("flare.png");
Console.WriteLine("flare: " + flare.Data.Count + " image, " + flare.Size);

// gpt-image-2.5-sunburst takes the overlay's complexity; flare's builder has no WithComplexity at all.
var sunburst = await client.CreateImage("A red fox in snow")
    .UsingGptImage2_5Sunburst()
    .WithComplexity(Complexity.High)
    .WithQuality(GptImage2_5SunburstQuality.High)
    .SendAsync();
Console.WriteLine("sunburst: " + sunburst.Data.Count + " image, " + sunburst.Size);

// The general builder takes the overlay's parameters too. Written with a constant model, what flare does not take is a
// compile error (the rules analyzer reads the overlay's rules: CIA002, CIA003); with a model known only at run time,
// the overlay's rules refuse it before anything is sent.
var model = args.Length > 2 ? ImageModel.Custom(args[2]) : GptImage2_5Overlay.Models.GptImage2_5Flare;
try
{
    await client.CreateImage("A koi pond")
        .WithModel(model)
        .WithComplexity(Complexity.Low)
        .WithCount(6)
        .SendAsync();
}
catch (ImageRequestValidationException ex)
{
    Console.WriteLine("refused before sending: " + string.Join(" ", ex.Violations.Select(v => v.Message)));
}

return 0;
