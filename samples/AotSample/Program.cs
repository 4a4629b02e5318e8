using System;
using CreateImageSdk;

// Usage: AotSample <base-uri> <api-key>
// Creates one 256x256 image through any OpenAI-compatible server and prints "<width>x<height> <bytes>".
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: AotSample <base-uri> <api-key>");
    return 2;
}

using var client = new ImageClient(new ImageClientOptions { BaseUri = new Uri(args[0]), ApiKey = args[1] });
try
{
    var response = await client.CreateImage("A cute baby sea otter")
        .WithModel(ImageModel.DallE2)
        .WithSize(ImageSize.Size256x256)
        .WithResponseFormat(ImageResponseFormat.B64Json)
        .SendAsync();
    var png = response.Data[0].Bytes!.Value.Span;
    var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
    var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
    Console.WriteLine(width + "x" + height + " " + png.Length);
    return 0;
}
catch (ImageApiException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
