namespace CertInstaller.Core.Pki.Signatures;

/// <summary>Known-good signatures over <see cref="Message"/>, made once with openssl 3 (SHA-256 throughout).</summary>
internal static class ProbeData
{
    public const string Message = "CertInstaller signature probe";

    /// <summary>An RSA 2048 modulus (exponent 65537).</summary>
    public const string RsaModulus =
        "sz5+3E02MQBp6HP/3Of0im5XKWchvrdMsSBNiAu8FHfKB0K8vlvZJITz2dRiT2SUpFJSPRpjVBGADypa3XRxmqVGcO/pzTMTsEJUh7IvMPOHWrllWyXHQZEZ"
        + "UJInGkJHX0sEMZw4B9ko1F16BRb7FUUE1sGe2VNTnjHADspujMYqFyIbJmOcz8No4gHmPBlKPxgaWf5epPuru0QFUKpTVLPQXG2AvrjhRBlzrSwFwbyplTis"
        + "Pn7Yf1Os+GSQRQDguNLqv8AVEzIPpRJNnjJDrHZNGTPHhklJDU1qmhTgdKV6w1OhCWlyf+TuTuic8RD+bd0CvovUILZFbXr0JpiCcw==";

    /// <summary><c>openssl dgst -sha256 -sign</c>.</summary>
    public const string RsaPkcs1Signature =
        "KnmAINGtlA3rWN6/+DAPd9Ah3IRHWnKR4lGpjOMF1vn+xTfXhby12QqACJM5JHUal46ZV1VtqBptDwybq1Wc62xHxvZf8fF3Vg13le56RICkq/BcTeximU4L"
        + "q2jvpPsHnZoTeYqIWIc4f1QSPFxxaGyS1RsNqgBGstCQzlvl3DgucqlA+4LqA6bQB2fr2eCWKUeQ/sQpJNQutSHpYfNox6krISMTfzsvraJjvniHPTNR8Rzh"
        + "fE5uYtHFgFMt0TPcqftLqLfe/tfa1F9xWC1d6KwLRfFaP/Nmfmydmrz0AfGhUzsaC/jTVHU7s5X84ortnM9ZtAhH5Zoi6rd3WcKJDw==";

    /// <summary><c>openssl dgst -sha256 -sign -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest</c>.</summary>
    public const string RsaPssSignature =
        "QN4YbFYZx9Z9nXOL1aD0MQ6tchA5YEEoZ2NKzKTROXK5E9z2zU1AQm3B1fcvjaDp8f4q5n5Ma69xh3aQ4u0OdSP87BW5ba1L505ZkuLsaILfO4z7tzrIyqDz"
        + "ecwDVmyTch1lcbCAyGmkOnS/sMy24xkrWN2UBYmJnfOFoeL2QKP4U1AbkQYOCFcMAAazLbfhwEDmITzF8jVyAMhcqTQGzC2n+2RTExdI2nT6Xl0lMj7AFDp4"
        + "VR4nuqOwjf5oF0N54uCA/AnpbxbxCa8GHznr5r16raQ48YcoBiw2PsfO6mJcjreGcE02WF0mL+YIRt9D2h4vB+xIbE8YNxE5rtED9Q==";

    /// <summary>A P-256 public point, X then Y.</summary>
    public const string EcP256Point = "eHNQWpXdM01Peb+ucCg2xI8hqbUQ4tiZBRJtomiTtQEF7sOegFBEefM5bWpLnc9CbBT4AxVkfrb0UfVCjjgNpQ==";

    /// <summary><c>openssl dgst -sha256 -sign</c> with the P-256 key, r then s (IEEE P1363).</summary>
    public const string EcP256Signature = "fxOKB4Q/DiUP2TRqnpLcJyCUSnDtFpWAodKLTOfLD+CH9j23sXepWjy6/cpdujjQSSZjoTx4AyD93aQJIbHOPA==";
}
