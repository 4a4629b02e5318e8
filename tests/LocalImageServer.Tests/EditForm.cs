using System.Net.Http;
using System.Net.Http.Headers;

namespace CreateImageSdk.LocalServer.Tests;

/// <summary>A file part of a multipart edit, with the file name and content type the client declares.</summary>
internal sealed record Upload(byte[] Bytes, string FileName = "image.png", string ContentType = "image/png");

/// <summary>Builds multipart edit bodies the way HTTP clients send them: text fields, and files with a name and a content type.</summary>
internal static class EditForm
{
    /// <summary>Parts in order; a value is a <see cref="string"/> (a text field), an <see cref="Upload"/>, or <c>byte[]</c> (a PNG upload).</summary>
    public static MultipartFormDataContent Create(params (string Name, object Value)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach ((string name, object value) in parts)
        {
            if (value is string text)
            {
                form.Add(new StringContent(text), name);
                continue;
            }

            Upload upload = value as Upload ?? new Upload((byte[])value);
            var file = new ByteArrayContent(upload.Bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(upload.ContentType);
            form.Add(file, name, upload.FileName);
        }

        return form;
    }
}
