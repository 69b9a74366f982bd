namespace GovDisclosure.Domain.Agencies;

/// <summary>What kind of body an agency is; decides its deadline (条例 第四十九条) and report duties (第五十条).</summary>
public enum AgencyKind
{
    /// <summary>人民政府 (a government's own report; due 3月31日).</summary>
    PeopleGovernment,

    /// <summary>政府部门 (including a government's 办公室/办公厅; due 1月31日).</summary>
    Department,

    /// <summary>乡镇人民政府、街道办事处.</summary>
    TownshipStreet,

    /// <summary>其他 (e.g. 法律法规授权组织).</summary>
    Other,
}

/// <summary>Administrative level, used by the 规章 sanity check (立法法: only ministries and provincial or districted-city governments issue 规章).</summary>
public enum AdministrativeLevel
{
    National,
    Provincial,
    DistrictedCity,
    County,
    Township,
}

public sealed record AgencyProfile(AgencyKind Kind, AdministrativeLevel Level);

public static class AgencyKinds
{
    public static string DisplayName(this AgencyKind kind) => kind switch
    {
        AgencyKind.PeopleGovernment => "人民政府",
        AgencyKind.Department => "政府部门",
        AgencyKind.TownshipStreet => "乡镇街道",
        _ => "其他",
    };
}
