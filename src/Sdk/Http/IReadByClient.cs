using System.Net.Http;

namespace CreateImageSdk.Http
{
    /// <summary>A result that keeps using the client that read it (image URLs downloaded through the same HttpClient).</summary>
    internal interface IReadByClient
    {
        void ReadBy(HttpClient http);
    }
}
