using System.Net.Sockets;
using System.Text;

namespace Roundup.Web.Tests;

/// <summary>Sends a request line exactly as written (HttpClient would normalise the path first) and returns the whole answer.</summary>
public static class RawHttp
{
    public static async Task<string> GetAsync(Uri server, string rawPath)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = $"GET {rawPath} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
