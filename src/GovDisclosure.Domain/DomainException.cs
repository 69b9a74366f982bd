namespace GovDisclosure.Domain;

/// <summary>An operation the domain refuses (an illegal transition, a missing 说明). The message is Chinese and shown as is.</summary>
public class DomainException(string message) : Exception(message);
