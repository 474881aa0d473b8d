using System.Net;
using CertInstaller.Core.Pki.Chains;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Craft;
using static CertInstaller.Core.Tests.Pki.Chains.Corpus.Crafter;

namespace CertInstaller.Core.Tests.Pki.Chains.Corpus;

internal static partial class AdversarialCorpus
{
    private static byte[] Net(string cidr)
    {
        var parts = cidr.Split('/');
        var address = IPAddress.Parse(parts[0]).GetAddressBytes();
        var bits = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var mask = new byte[address.Length];
        for (var i = 0; i < bits; i++)
        {
            mask[i / 8] |= (byte)(0x80 >> (i % 8));
        }

        return [.. address, .. mask];
    }

    private static GeneralName OtherName(string upn) => new(GeneralName.OtherName,
        new DerSequence(new DerObjectIdentifier("1.3.6.1.4.1.311.20.2.3"), new DerTaggedObject(true, 0, new DerUtf8String(upn))));

    private static CorpusCase Constrained(string name, Craft constraints, Craft leaf, ChainProblemCode? expected = null, string? stricter = null, string? openSslRejects = null)
    {
        var ca = Issue(constraints with { Subject = "O=Corpus, CN=Constrained CA " + name }, Key("nc-ca"), Root);
        return new CorpusCase(name, Issue(leaf, Key("nc-leaf"), ca).Certificate, [ca.Certificate], [Root.Certificate])
        {
            Expected = expected,
            StricterBecause = stricter,
            OpenSslRejectsBecause = openSslRejects,
        };
    }

    private static Craft Nc(GeneralSubtree[]? permitted = null, GeneralSubtree[]? excluded = null) =>
        CaNamed("O=Corpus, CN=placeholder") with { Permitted = permitted, Excluded = excluded };

    private static Craft WithSans(string cn, params GeneralName[] sans) => new() { Subject = $"O=Corpus, CN={cn}", Sans = sans, Eku = ["1.3.6.1.5.5.7.3.1"] };

    private static IEnumerable<CorpusCase> NameConstraintSets()
    {
        var dns = Nc(permitted: [Dns("corpus.test")], excluded: [Dns("bad.corpus.test")]);
        yield return Constrained("pass-dns-within-permitted", dns, WithSans("a.corpus.test", SanDns("a.corpus.test")));
        yield return Constrained("pass-dns-equal-to-permitted", dns, WithSans("corpus.test", SanDns("corpus.test")));
        yield return Constrained("fail-dns-outside-permitted", dns, WithSans("a.other.test", SanDns("a.other.test")), ChainProblemCode.NameNotPermitted);
        yield return Constrained("fail-dns-label-suffix-is-not-a-subdomain", dns, WithSans("evilcorpus.test", SanDns("evilcorpus.test")), ChainProblemCode.NameNotPermitted);
        yield return Constrained("fail-dns-excluded", dns, WithSans("x.bad.corpus.test", SanDns("x.bad.corpus.test")), ChainProblemCode.NameExcluded);
        yield return Constrained("fail-wildcard-san-could-cover-excluded-name", dns, WithSans("*.corpus.test", SanDns("*.corpus.test")),
            ChainProblemCode.NameExcluded, "wildcard-excluded");
        yield return Constrained("pass-wildcard-san-within-permitted", dns, WithSans("*.ok.corpus.test", SanDns("*.ok.corpus.test")));
        yield return Constrained("fail-dns-second-san-outside", dns, WithSans("a.corpus.test", SanDns("a.corpus.test"), SanDns("b.other.test")), ChainProblemCode.NameNotPermitted);
        yield return Constrained("fail-cn-outside-permitted-without-san", dns, new Craft { Subject = "O=Corpus, CN=cn.other.test", Eku = ["1.3.6.1.5.5.7.3.1"] },
            ChainProblemCode.NameNotPermitted);
        yield return Constrained("pass-unconstrained-type-ip", dns, WithSans("a.corpus.test", SanDns("a.corpus.test"), SanIp("192.0.2.1")));

        var ip = Nc(permitted: [Ip(Net("10.0.0.0/8")), Ip(Net("2001:db8::/32"))], excluded: [Ip(Net("10.5.0.0/16"))]);
        yield return Constrained("pass-ipv4-within-permitted", ip, WithSans("ip4", SanIp("10.1.2.3")));
        yield return Constrained("fail-ipv4-outside-permitted", ip, WithSans("ip4", SanIp("192.168.1.1")), ChainProblemCode.NameNotPermitted);
        yield return Constrained("fail-ipv4-excluded", ip, WithSans("ip4", SanIp("10.5.1.1")), ChainProblemCode.NameExcluded);
        yield return Constrained("pass-ipv6-within-permitted", ip, WithSans("ip6", SanIp("2001:db8::5")));
        yield return Constrained("fail-ipv6-outside-permitted", ip, WithSans("ip6", SanIp("2001:db9::1")), ChainProblemCode.NameNotPermitted);
        yield return Constrained("fail-ip-mask-not-contiguous", Nc(permitted: [Ip([10, 0, 0, 0, 255, 0, 255, 0])]), WithSans("ip4", SanIp("10.1.0.3")),
            ChainProblemCode.MalformedNameConstraints, "name-constraint-syntax");
        yield return Constrained("fail-ip-constraint-wrong-length", Nc(permitted: [Ip([10, 0, 0, 0, 255])]), WithSans("ip4", SanIp("10.1.0.3")),
            ChainProblemCode.MalformedNameConstraints);

        yield return Constrained("fail-dns-constraint-with-wildcard", Nc(permitted: [Dns("*.corpus.test")]), WithSans("a.corpus.test", SanDns("a.corpus.test")),
            ChainProblemCode.MalformedNameConstraints);
        yield return Constrained("fail-dns-constraint-with-leading-dot", Nc(permitted: [Dns(".corpus.test")]), WithSans("a.corpus.test", SanDns("a.corpus.test")),
            ChainProblemCode.MalformedNameConstraints, "name-constraint-syntax");
        yield return Constrained("fail-empty-name-constraints", Nc() with { EmptyNameConstraints = true }, WithSans("a.corpus.test", SanDns("a.corpus.test")),
            ChainProblemCode.MalformedNameConstraints, "name-constraint-syntax");
        yield return Constrained("fail-empty-permitted-subtrees", Nc(permitted: []), WithSans("a.corpus.test", SanDns("a.corpus.test")),
            ChainProblemCode.MalformedNameConstraints, "name-constraint-syntax");

        var email = Nc(permitted: [Email("corpus.test"), Email(".mail.corpus.test")]);
        yield return Constrained("pass-email-host-within-permitted", email, WithSans("mail", new GeneralName(GeneralName.Rfc822Name, "a@corpus.test")));
        yield return Constrained("pass-email-subdomain-within-permitted", email, WithSans("mail", new GeneralName(GeneralName.Rfc822Name, "a@x.mail.corpus.test")));
        yield return Constrained("fail-email-outside-permitted", email, WithSans("mail", new GeneralName(GeneralName.Rfc822Name, "a@other.test")),
            ChainProblemCode.NameNotPermitted);
        yield return Constrained("fail-subject-email-outside-permitted", email, new Craft { Subject = "O=Corpus, CN=mail, E=x@other.test", Eku = ["1.3.6.1.5.5.7.3.1"] },
            ChainProblemCode.NameNotPermitted);

        var uri = Nc(permitted: [Uri(".corpus.test")]);
        yield return Constrained("pass-uri-host-within-permitted", uri, WithSans("uri", new GeneralName(GeneralName.UniformResourceIdentifier, "https://www.corpus.test/x")));
        yield return Constrained("fail-uri-host-outside-permitted", uri, WithSans("uri", new GeneralName(GeneralName.UniformResourceIdentifier, "https://www.other.test/")),
            ChainProblemCode.NameNotPermitted);
        yield return Constrained("fail-uri-without-host-fails-closed", uri, WithSans("uri", new GeneralName(GeneralName.UniformResourceIdentifier, "urn:example:x")),
            ChainProblemCode.UncheckableNameConstraint);

        var dn = Nc(permitted: [Dn("O=Corpus")]);
        yield return Constrained("pass-directory-name-within-permitted", dn, WithSans("dn.corpus.test", SanDns("dn.corpus.test")));
        yield return Constrained("fail-directory-name-outside-permitted", dn,
            new Craft { Subject = "O=Other, CN=dn.corpus.test", Sans = [SanDns("dn.corpus.test")], Eku = ["1.3.6.1.5.5.7.3.1"] }, ChainProblemCode.NameNotPermitted);

        yield return Constrained("fail-other-name-constrained-fails-closed",
            Nc(permitted: [new GeneralSubtree(OtherName("u@corpus.test"))]), WithSans("upn", OtherName("u@corpus.test")), ChainProblemCode.UncheckableNameConstraint);

        // Accumulation down the path: permitted sets intersect.
        var outer = Issue(CaNamed("O=Corpus, CN=Outer NC CA") with { Permitted = [Dns("corpus.test")] }, Key("nc-outer"), Root);
        var inner = Issue(CaNamed("O=Corpus, CN=Inner NC CA") with { Permitted = [Dns("other.test"), Dns("sub.corpus.test")] }, Key("nc-inner"), outer);
        yield return new CorpusCase("pass-name-within-both-permitted-sets", Issue(WithSans("a.sub.corpus.test", SanDns("a.sub.corpus.test")), Key("nc-leaf"), inner).Certificate,
            [inner.Certificate, outer.Certificate], [Root.Certificate]);
        yield return new CorpusCase("fail-name-permitted-below-but-not-above", Issue(WithSans("a.other.test", SanDns("a.other.test")), Key("nc-leaf"), inner).Certificate,
            [inner.Certificate, outer.Certificate], [Root.Certificate]) { Expected = ChainProblemCode.NameNotPermitted };

        // Self-issued intermediates are not checked (§6.1.3(b)); others are.
        var dnCa = Issue(CaNamed("O=Corpus, CN=DN NC CA") with { Permitted = [Dn("O=Corpus, OU=Leaves")] }, Key("nc-dn"), Root);
        var rollover = Issue(CaNamed("O=Corpus, CN=DN NC CA"), Key("nc-dn-rollover"), dnCa);
        var leafUnderRollover = Issue(new Craft { Subject = "O=Corpus, OU=Leaves, CN=roll.corpus.test", Sans = [SanDns("roll.corpus.test")] }, Key("nc-leaf"), rollover);
        yield return new CorpusCase("pass-self-issued-intermediate-outside-dn-subtree-is-skipped", leafUnderRollover.Certificate,
            [rollover.Certificate, dnCa.Certificate], [Root.Certificate]);
        var notSelfIssued = Issue(CaNamed("O=Corpus, CN=DN NC Sub CA"), Key("nc-dn-sub"), dnCa);
        yield return new CorpusCase("fail-intermediate-outside-dn-subtree",
            Issue(new Craft { Subject = "O=Corpus, OU=Leaves, CN=sub.corpus.test", Sans = [SanDns("sub.corpus.test")] }, Key("nc-leaf"), notSelfIssued).Certificate,
            [notSelfIssued.Certificate, dnCa.Certificate], [Root.Certificate]) { Expected = ChainProblemCode.NameNotPermitted };

        // The subject CN is a DNS name only without any SAN extension, and only when it is a host name (issue 22 §1).
        var localhost = Nc(permitted: [Dns("localhost")]);
        yield return Constrained("pass-ip-cn-with-ip-san-under-dns-constraint", localhost, WithSans("127.0.0.1", SanIp("127.0.0.1")),
            openSslRejects: "cn-beside-san");
        yield return Constrained("pass-ip-cn-without-san-under-dns-constraint", localhost, new Craft { Subject = "O=Corpus, CN=127.0.0.1", Eku = ["1.3.6.1.5.5.7.3.1"] },
            openSslRejects: "cn-ip-literal");
        yield return Constrained("pass-ipv6-cn-without-san-under-dns-constraint", localhost, new Craft { Subject = "O=Corpus, CN=2001:db8::1", Eku = ["1.3.6.1.5.5.7.3.1"] });
        yield return Constrained("pass-cn-outside-beside-ip-only-san", dns, WithSans("cn.other.test", SanIp("192.0.2.1")), openSslRejects: "cn-beside-san");
        yield return Constrained("pass-cn-outside-beside-dns-san-inside", dns, WithSans("cn.other.test", SanDns("a.corpus.test")));
        yield return Constrained("fail-cn-excluded-without-san", dns, new Craft { Subject = "O=Corpus, CN=x.bad.corpus.test", Eku = ["1.3.6.1.5.5.7.3.1"] },
            ChainProblemCode.NameExcluded);
        yield return Constrained("pass-cn-not-a-host-name-without-san", dns, new Craft { Subject = "O=Corpus, CN=Corpus Server 1", Eku = ["1.3.6.1.5.5.7.3.1"] });

        // IP constraints as a family: masks off the octet boundary, the other family, excluded only, a type not carried.
        var v4Only = Nc(permitted: [Ip(Net("10.16.0.0/12"))]);
        yield return Constrained("pass-ipv4-within-12-bit-mask", v4Only, WithSans("ip4", SanIp("10.31.255.255")));
        yield return Constrained("fail-ipv4-just-outside-12-bit-mask", v4Only, WithSans("ip4", SanIp("10.32.0.0")), ChainProblemCode.NameNotPermitted);
        yield return Constrained("fail-ipv6-under-ipv4-only-permitted", v4Only, WithSans("ip6", SanIp("2001:db8::1")), ChainProblemCode.NameNotPermitted);
        yield return Constrained("fail-ipv4-mapped-ipv6-under-ipv4-only-permitted", v4Only, WithSans("ip6", SanIp("::ffff:10.16.0.1")), ChainProblemCode.NameNotPermitted);
        var v6Excluded = Nc(excluded: [Ip(Net("2001:db8:bad::/48"))]);
        yield return Constrained("pass-ipv4-under-ipv6-only-excluded", v6Excluded, WithSans("ip4", SanIp("10.1.2.3")));
        yield return Constrained("pass-ipv6-outside-ipv6-excluded", v6Excluded, WithSans("ip6", SanIp("2001:db8:600d::1")));
        yield return Constrained("fail-ipv6-within-ipv6-excluded", v6Excluded, WithSans("ip6", SanIp("2001:db8:bad::7")), ChainProblemCode.NameExcluded);
        var mixed = Nc(permitted: [Ip(Net("192.0.2.0/24")), Ip(Net("2001:db8::/32"))], excluded: [Ip(Net("192.0.2.128/25")), Ip(Net("2001:db8:ff::/48"))]);
        yield return Constrained("pass-ipv4-and-ipv6-sans-within-mixed-permitted", mixed, WithSans("ip", SanIp("192.0.2.1"), SanIp("2001:db8::1")));
        yield return Constrained("fail-ipv6-excluded-beside-permitted-ipv4", mixed, WithSans("ip", SanIp("192.0.2.1"), SanIp("2001:db8:ff::1")), ChainProblemCode.NameExcluded);
        yield return Constrained("fail-ipv4-excluded-beside-permitted-ipv6", mixed, WithSans("ip", SanIp("192.0.2.200"), SanIp("2001:db8::1")), ChainProblemCode.NameExcluded);
        yield return Constrained("pass-ip-constraints-on-dns-only-leaf", mixed, WithSans("a.corpus.test", SanDns("a.corpus.test")));
        yield return Constrained("pass-email-constraints-on-ip-only-leaf", email, WithSans("ip4", SanIp("10.1.2.3")));
        yield return Constrained("pass-ipv4-zero-mask-permits-every-ipv4", Nc(permitted: [Ip(Net("0.0.0.0/0"))]), WithSans("ip4", SanIp("203.0.113.9")));

        // Constraints on the trust anchor apply as openssl and pyca apply them (RFC 5280 §6.1.1 leaves it to the
        // trust anchor information; a self-signed root that carries them is read as meaning them).
        var ncRoot = SelfSigned(CaNamed("O=Corpus, CN=Constrained Root") with { Permitted = [Ip(Net("10.0.0.0/8")), Dns("corpus.test")] }, Key("nc-root"));
        var underNcRoot = Issue(CaNamed("O=Corpus, CN=Under Constrained Root"), Key("nc-under-root"), ncRoot);
        yield return new CorpusCase("pass-ip-within-anchor-constraint", Issue(WithSans("ip4", SanIp("10.9.9.9")), Key("nc-leaf"), underNcRoot).Certificate,
            [underNcRoot.Certificate], [ncRoot.Certificate]);
        yield return new CorpusCase("fail-ip-outside-anchor-constraint", Issue(WithSans("ip4", SanIp("172.16.0.1")), Key("nc-leaf"), underNcRoot).Certificate,
            [underNcRoot.Certificate], [ncRoot.Certificate]) { Expected = ChainProblemCode.NameNotPermitted };
        yield return new CorpusCase("pass-ip-cn-and-san-under-anchor-dns-constraint", Issue(WithSans("10.9.9.9", SanIp("10.9.9.9")), Key("nc-leaf"), underNcRoot).Certificate,
            [underNcRoot.Certificate], [ncRoot.Certificate]) { OpenSslRejectsBecause = "cn-beside-san" };

        // Blow-up: 1,100 names under 1,000 constraints.
        var many = Enumerable.Range(0, 1000).Select(i => Dns($"d{i}.corpus.test")).ToArray();
        var names = Enumerable.Range(0, 1100).Select(i => SanDns($"h{i}.d{i % 1000}.corpus.test")).ToArray();
        yield return Constrained("fail-name-constraint-blow-up", Nc(permitted: many), WithSans("h0.d0.corpus.test", names), ChainProblemCode.NameConstraintsTooComplex);
    }
}
