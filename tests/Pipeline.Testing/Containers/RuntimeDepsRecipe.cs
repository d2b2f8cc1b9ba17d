using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Testing.Containers;

/// <summary>
/// How the runtime-deps stand-in is made: the files `dpkg -L` lists for the packages the official
/// chiseled runtime-deps image carries, copied from the Debian stand-in onto scratch, with the
/// users root and app (the official image's 1654) and a world-writable /tmp. Nothing else: no
/// shell, no dpkg, no ICU, no time zones.
/// </summary>
public static class RuntimeDepsRecipe
{
    public const string Packages = "libc6 libgcc-s1 libstdc++6 zlib1g libssl3 ca-certificates";

    private const string Template = """
        FROM {0} AS files
        # Merged /usr: /lib, /lib64, /bin and /sbin are links into /usr, as on the Debian image.
        RUN mkdir -p /rootfs/usr/lib /rootfs/usr/lib64 /rootfs/usr/bin /rootfs/usr/sbin /rootfs/etc/ssl/certs \
         && cp -a /lib /lib64 /bin /sbin /rootfs/ \
         && dpkg -L {1} | while read -r path; do if [ -f "$path" ] || [ -L "$path" ]; then echo "${{path#/}}"; fi; done \
              | tar -C / --no-recursion -cf - -T - | tar -C /rootfs --keep-directory-symlink -xf - \
         && cp /etc/ssl/certs/ca-certificates.crt /rootfs/etc/ssl/certs/ \
         && printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654::/home/app:/usr/sbin/nologin\n' > /rootfs/etc/passwd \
         && printf 'root:x:0:\napp:x:1654:\n' > /rootfs/etc/group \
         && mkdir -m 1777 /rootfs/tmp \
         && rm -rf /rootfs/usr/share/doc /rootfs/usr/share/man /rootfs/usr/share/lintian
        FROM scratch
        COPY --from=files /rootfs/ /
        USER 1654:1654
        """;

    public static string Containerfile(string debian) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, debian, Packages);

    /// <summary>A short hash of the recipe, so changing it makes a new stand-in.</summary>
    public static string Tag { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Template + Packages)))[..12];
}
