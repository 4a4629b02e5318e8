using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CreateImageSdk.Http;

namespace CreateImageSdk.Uploads
{
    /// <summary>
    /// A <c>multipart/form-data</c> body, as the generated <c>ToForm()</c> of a multipart operation fills it: text fields
    /// in wire form (enums as their wire values, numbers invariant, flags <c>true</c>/<c>false</c>) and images streamed
    /// from their source while the request is written. Each attempt gets a fresh boundary and fresh parts.
    /// </summary>
    internal sealed class MultipartForm : RequestBody
    {
        private readonly List<(string Name, string? Text, ImageInput? Image)> _parts = new List<(string, string?, ImageInput?)>();

        public override string? NotResendableReason
        {
            get
            {
                foreach (var part in _parts)
                {
                    if (part.Image is { CanBeSentAgain: false } image)
                    {
                        return "the image '" + image.FileName + "' comes from a stream that cannot seek, so the request cannot be sent again";
                    }
                }

                return null;
            }
        }

        /// <summary>The field names and texts (or image file names) in order, for tests and logs; image bytes are not read.</summary>
        public IEnumerable<KeyValuePair<string, string>> Fields
        {
            get
            {
                foreach (var part in _parts) yield return new KeyValuePair<string, string>(part.Name, part.Text ?? part.Image!.FileName);
            }
        }

        public void Add(string name, string? value)
        {
            if (value != null) _parts.Add((name, value, null));
        }

        public void Add(string name, long? value)
        {
            if (value.HasValue) Add(name, value.Value.ToString(CultureInfo.InvariantCulture));
        }

        public void Add(string name, double? value)
        {
            if (value.HasValue) Add(name, value.Value.ToString("R", CultureInfo.InvariantCulture));
        }

        public void Add(string name, bool? value)
        {
            if (value.HasValue) Add(name, value.Value ? "true" : "false");
        }

        public void Add(string name, ImageInput? image)
        {
            if (image != null) _parts.Add((name, null, image));
        }

        /// <summary>
        /// Several images under one name: <c>name[]</c> for each when there are several (the form the API documents for
        /// arrays), the plain name for one.
        /// </summary>
        public void Add(string name, IReadOnlyList<ImageInput>? images)
        {
            if (images is null) return;
            var field = images.Count > 1 ? name + "[]" : name;
            foreach (var image in images) Add(field, image);
        }

        /// <summary>Members beyond the schema's: a JSON string as its text, anything else as its JSON text.</summary>
        public void Add(IReadOnlyDictionary<string, JsonElement>? additional)
        {
            if (additional is null) return;
            foreach (var pair in additional)
            {
                Add(pair.Key, pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString() : pair.Value.GetRawText());
            }
        }

        public override HttpContent CreateContent()
        {
            foreach (var part in _parts)
            {
                // Said before anything is sent, not as a failure in the middle of writing the body.
                if (part.Image is { IsSpent: true } spent) throw new InvalidOperationException(spent.SpentMessage);
            }

            var content = new MultipartFormDataContent("----CreateImageSdk" + Guid.NewGuid().ToString("N"));
            foreach (var (name, text, image) in _parts)
            {
                if (image != null)
                {
                    var part = image.CreateContent();
                    part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name), FileName = Quote(image.FileName) };
                    content.Add(part);
                }
                else
                {
                    // No Content-Type on a text field: a plain form value, as browsers and curl -F send it.
                    var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text!));
                    part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(name) };
                    content.Add(part);
                }
            }

            return content;
        }

        /// <summary>
        /// A quoted header parameter. Quotes, backslashes and line breaks become <c>_</c>: servers differ in how they
        /// unescape them, and a file name is only a label there. Other characters (accents) are encoded by .NET.
        /// </summary>
        internal static string Quote(string value)
        {
            var clean = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value) clean.Append(c == '"' || c == '\\' || char.IsControl(c) ? '_' : c);
            return clean.Append('"').ToString();
        }
    }
}
