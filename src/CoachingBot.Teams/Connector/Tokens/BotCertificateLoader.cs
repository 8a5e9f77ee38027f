using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoachingBot.Teams.Auth;

namespace CoachingBot.Teams.Connector;

/// <summary>Loads the app's certificate from a PFX file or the CurrentUser/My store, with errors that name the setting.</summary>
internal static class BotCertificateLoader
{
    public static X509Certificate2 Load(BotOptions options)
    {
        var certificate = string.IsNullOrWhiteSpace(options.CertificatePath)
            ? LoadFromStore(options.CertificateThumbprint!)
            : LoadFromFile(options.CertificatePath, options.CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException("The certificate configured in the Bot section has no private key, so it cannot sign token requests.");
        }

        return certificate;
    }

    private static X509Certificate2 LoadFromFile(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Bot:CertificatePath points to '{path}', which does not exist.");
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"Bot:CertificatePath '{path}' could not be read as a PFX file; check Bot:CertificatePassword.", ex);
        }
    }

    private static X509Certificate2 LoadFromStore(string thumbprint)
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        try
        {
            store.Open(OpenFlags.ReadOnly);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"The CurrentUser/My certificate store could not be opened to find Bot:CertificateThumbprint '{thumbprint}'.", ex);
        }

        var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Trim(), validOnly: false);
        if (found.Count == 0)
        {
            throw new InvalidOperationException($"No certificate with Bot:CertificateThumbprint '{thumbprint}' is in the CurrentUser/My store.");
        }

        for (var i = 1; i < found.Count; i++)
        {
            found[i].Dispose();
        }

        return found[0];
    }
}
