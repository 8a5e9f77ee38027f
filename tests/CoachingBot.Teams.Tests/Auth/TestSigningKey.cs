using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CoachingBot.Teams.Tests.Auth;

/// <summary>An RSA key pair made for one test run, publishable as a JWK.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;
    private readonly bool _ownsRsa;

    public TestSigningKey(string kid, params string[] endorsements)
        : this(RSA.Create(2048), ownsRsa: true, kid, endorsements)
    {
    }

    private TestSigningKey(RSA rsa, bool ownsRsa, string kid, string[] endorsements)
    {
        _rsa = rsa;
        _ownsRsa = ownsRsa;
        Kid = kid;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = kid };
    }

    public string Kid { get; }

    /// <summary>Channels the key may sign for; empty publishes no endorsements at all.</summary>
    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials => new(SecurityKey, SecurityAlgorithms.RsaSha256);

    /// <summary>
    /// The same key material under another key id and endorsements. RSA key generation is slow, so tests reuse
    /// material wherever the id and endorsements are what matters.
    /// </summary>
    public TestSigningKey As(string kid, params string[] endorsements) => new(_rsa, ownsRsa: false, kid, endorsements);

    public Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }

    public void Dispose()
    {
        if (_ownsRsa)
        {
            _rsa.Dispose();
        }
    }
}
