using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachingBot.Teams.Tests.Auth;

/// <summary>What goes into a test JWT; every time is explicit so the machine clock never leaks in.</summary>
public sealed record TestToken
{
    public required TestSigningKey Key { get; init; }
    public required string Issuer { get; init; }
    public string? Audience { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public IReadOnlyDictionary<string, object> Claims { get; init; } = new Dictionary<string, object>();

    public string Mint() => MintWith(Key.Credentials);

    /// <summary>Signs with other credentials, such as an HMAC key, while keeping the payload.</summary>
    public string MintWith(SigningCredentials credentials)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            NotBefore = NotBefore?.UtcDateTime,
            Expires = Expires?.UtcDateTime,
            IssuedAt = NotBefore?.UtcDateTime,
            Claims = Claims.ToDictionary(),
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The same payload with <c>alg: none</c> and an empty signature.</summary>
    public string MintUnsigned()
    {
        var signed = new JsonWebToken(Mint());
        var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "JWT" }));
        return $"{header}.{signed.EncodedPayload}.";
    }

    /// <summary>A validly signed token whose payload is then replaced: the signature no longer matches.</summary>
    public string MintTampered(string claim, string value)
    {
        var signed = new JsonWebToken(Mint());
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(signed.EncodedPayload))!;
        payload[claim] = value;
        var forged = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)));
        return $"{signed.EncodedHeader}.{forged}.{signed.EncodedSignature}";
    }
}
