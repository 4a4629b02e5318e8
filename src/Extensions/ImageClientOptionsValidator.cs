using System;
using CreateImageSdk;
using Microsoft.Extensions.Options;

namespace CreateImageSdk.Extensions
{
    /// <summary>
    /// Checks registered options at start-up by the client's own rules (a bad key, base URI, timeout), so a
    /// misconfiguration stops the host with the same plain sentence instead of failing on the first request.
    /// </summary>
    internal sealed class ImageClientOptionsValidator : IValidateOptions<ImageClientOptions>
    {
        private readonly string _name;

        public ImageClientOptionsValidator(string name) => _name = name;

        public ValidateOptionsResult Validate(string? name, ImageClientOptions options)
        {
            if (name != _name) return ValidateOptionsResult.Skip;
            try
            {
                // The constructor is the one place the rules live; a client without an HttpClient of its own is cheap.
                using var probe = new ImageClient(options.Clone());
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail("ImageClient '" + name + "': " + ex.Message.Split(new[] { " (Parameter '" }, StringSplitOptions.None)[0]);
            }
        }
    }
}
