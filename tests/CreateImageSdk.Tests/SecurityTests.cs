using System;
using System.Threading.Tasks;
using CreateImageSdk.Http;
using CreateImageSdk.LocalServer;
using Xunit;
using CreateImageSdk.Security;

namespace CreateImageSdk.Tests
{
    public class SecurityTests
    {
        private const string Key = "sk-proj-Qz81mN4kLw7TxY2vB5cR0aHd";

        [Theory]
        [InlineData("http://example.com/v1/")]
        [InlineData("http://10.0.0.5:4000/v1/")]
        public void PlainHttpToARemoteHost_IsRefused_UnlessAllowed(string uri)
        {
            var ex = Assert.Throws<ArgumentException>(() => new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = new Uri(uri) }));

            Assert.Equal("BaseUri", ex.ParamName);
            Assert.Contains("AllowInsecureHttp", ex.Message);
            Assert.DoesNotContain(Key, ex.Message);
            using var allowed = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = new Uri(uri), AllowInsecureHttp = true });
            Assert.Equal(new Uri(uri), allowed.BaseUri);
        }

        [Theory]
        [InlineData("http://127.0.0.1:1/v1/")]
        [InlineData("http://localhost:1/v1/")]
        [InlineData("http://[::1]:1/v1/")]
        public void PlainHttpToLoopback_IsAllowed(string uri)
        {
            using var client = new ImageClient(new ImageClientOptions { ApiKey = Key, BaseUri = new Uri(uri) });
            Assert.Equal(new Uri(uri), client.BaseUri);
        }

        [Fact]
        public async Task KeyWithSurroundingWhitespace_IsTrimmed()
        {
            await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = Key });
            using var client = new ImageClient(new ImageClientOptions { ApiKey = "  " + Key + "\r\n", BaseUri = server.BaseUri });

            await client.CreateImage("otter").WithModel(ImageModel.GptImage1).SendAsync();

            Assert.Equal("Bearer " + Key, server.Requests[^1].Headers["Authorization"]);
        }

        [Theory]
        [InlineData("sk-proj-abc\ndef123456", "a line break")]
        [InlineData("sk-proj-abc def123456", "whitespace")]
        [InlineData("sk-proj-abc\u0001def123456", "a control character")]
        [InlineData("sk-proj-abc\u00e9def123456", "a non-ASCII character")]
        public void KeyWithABadCharacterInside_IsRefusedByName_WithoutShowingIt(string key, string what)
        {
            var ex = Assert.Throws<ArgumentException>(() => new ImageClient(new ImageClientOptions { ApiKey = key, BaseUri = new Uri("http://127.0.0.1:1/") }));

            Assert.Equal("ApiKey", ex.ParamName);
            Assert.Contains(what, ex.Message);
            Assert.DoesNotContain("def123", ex.ToString());
            Assert.DoesNotContain("sk-proj-abc", ex.ToString());
        }

        [Fact]
        public void OrganizationWithALineBreak_IsRefusedByName()
        {
            var ex = Assert.Throws<ArgumentException>(() => new ImageClient(new ImageClientOptions { ApiKey = Key, Organization = "org-1\nX-Injected: yes", BaseUri = new Uri("http://127.0.0.1:1/") }));
            Assert.Equal("Organization", ex.ParamName);
        }

        [Theory]
        [InlineData("Incorrect API key provided: sk-proj-************************aHd.", "Incorrect API key provided: ***.")]
        [InlineData("Incorrect API key provided: sk-proj-********************************0aHd.", "Incorrect API key provided: ***.")]
        [InlineData("Incorrect API key provided: sk-pr*****0aHd.", "Incorrect API key provided: ***.")]
        [InlineData("Incorrect API key provided: ********0aHd.", "Incorrect API key provided: ***.")]
        [InlineData("Incorrect API key provided: sk-proj-Qz81****.", "Incorrect API key provided: ***.")]
        [InlineData("Key sk-proj-Qz81mN4kLw7TxY2vB5cR0aHd was sent twice: sk-proj-Qz81mN4kLw7TxY2vB5cR0aHd", "Key *** was sent twice: ***")]
        [InlineData("Body cut off: {\"key\":\"sk-proj-Qz81mN", "Body cut off: {\"key\":\"***")]
        [InlineData("Mangled: s0-proj-*** and kLw7TxY2", "Mangled: s0*** and ***")]
        public void MaskedFormsOfTheKey_AreScrubbed(string text, string expected)
        {
            var scrubbed = new SecretScrubber(Key).Scrub(text)!;

            Assert.Equal(expected, scrubbed);
            for (var i = 0; i + 6 <= Key.Length; i++) Assert.DoesNotContain(Key.Substring(i, 6), scrubbed);
        }

        [Fact]
        public void TextWithoutTheKey_IsLeftAlone()
        {
            var scrubber = new SecretScrubber(Key);
            Assert.Equal("Rate limit reached: ***** please wait", scrubber.Scrub("Rate limit reached: ***** please wait"));
            Assert.Null(scrubber.Scrub(null));
        }
    }
}
