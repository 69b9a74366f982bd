using System.Diagnostics;

namespace GovDisclosure.Infrastructure.Pdf.Fonts;

/// <summary>Where one font face lives: a file and, for a collection, the face index.</summary>
public sealed record FontSource(string Path, int FaceIndex)
{
    public override string ToString() => FaceIndex == 0 ? Path : $"{Path}#{FaceIndex}";
}

/// <summary>
/// Turns a configured font (a file path, optionally "path#faceIndex", or a family name) into a file.
/// Family names go through fontconfig, which always answers with *some* font, so the answer is accepted
/// only when it really is the family asked for; otherwise start-up fails and names the Debian package.
/// </summary>
public static class FontLocator
{
    /// <summary>The Debian package and the usual file of each family the defaults use.</summary>
    private static readonly Dictionary<string, (string Package, string Path)> KnownFamilies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AR PL UMing CN"] = ("fonts-arphic-uming", "/usr/share/fonts/truetype/arphic/uming.ttc"),
        ["AR PL UKai CN"] = ("fonts-arphic-ukai", "/usr/share/fonts/truetype/arphic/ukai.ttc"),
        ["WenQuanYi Zen Hei"] = ("fonts-wqy-zenhei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    };

    public static FontSource Locate(string configured, string settingName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configured);
        var spec = configured.Trim();
        if (LooksLikePath(spec))
        {
            var (path, index) = SplitFaceIndex(spec);
            return File.Exists(path)
                ? new FontSource(path, index)
                : throw new FontNotFoundException($"PDF字体文件不存在：{path}（配置项 {settingName}）。请安装相应字体软件包，或改为可用的字体文件路径。");
        }

        if (FromFontconfig(spec) is { } found)
        {
            return found;
        }

        if (KnownFamilies.TryGetValue(spec, out var known) && File.Exists(known.Path))
        {
            return new FontSource(known.Path, 0);
        }

        var hint = KnownFamilies.TryGetValue(spec, out var k)
            ? $"请安装 Debian 软件包 {k.Package}（scripts/deps.sh fonts）"
            : "请安装提供该字体的软件包";
        throw new FontNotFoundException($"PDF字体「{spec}」未找到（配置项 {settingName}）：{hint}，或在该配置项中填写字体文件路径。");
    }

    private static bool LooksLikePath(string spec) =>
        spec.Contains('/') || spec.Contains('\\') ||
        spec.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || spec.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase) ||
        spec.Contains(".ttc#", StringComparison.OrdinalIgnoreCase) || spec.Contains(".ttf#", StringComparison.OrdinalIgnoreCase);

    private static (string Path, int Index) SplitFaceIndex(string spec)
    {
        var hash = spec.LastIndexOf('#');
        return hash > 0 && int.TryParse(spec[(hash + 1)..], out var index) && index >= 0
            ? (spec[..hash], index)
            : (spec, 0);
    }

    private static FontSource? FromFontconfig(string family)
    {
        string output;
        try
        {
            var start = new ProcessStartInfo("fc-match")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("%{file}\n%{index}\n%{family}\n");
            start.ArgumentList.Add(family);
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // fontconfig is not installed: fall back to the known Debian paths.
        }

        var lines = output.Split('\n');
        if (lines.Length < 3 || lines[0].Length == 0 || !File.Exists(lines[0]))
        {
            return null;
        }

        var families = lines[2].Split(',', StringSplitOptions.TrimEntries);
        if (!families.Contains(family, StringComparer.OrdinalIgnoreCase))
        {
            return null; // fontconfig substituted another family.
        }

        return new FontSource(lines[0], int.TryParse(lines[1], out var index) ? index : 0);
    }
}

/// <summary>A configured PDF font is missing. The message is Chinese and names what to install.</summary>
public sealed class FontNotFoundException(string message) : Exception(message);
