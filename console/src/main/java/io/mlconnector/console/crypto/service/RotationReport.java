package io.mlconnector.console.crypto.service;

import java.util.List;

/**
 * What a rotation did.
 *
 * @param reEncrypted secrets moved to the active key by this call (0 when already done)
 * @param keyIdsInUse key ids still referenced by stored secrets; a key not listed can be removed
 */
public record RotationReport(String activeKeyId, int reEncrypted, List<String> keyIdsInUse) {}
