package io.mlconnector.stack.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceJvmOptionsTest {

  @Test
  void withoutTheVariableAServiceGetsAHeapThatStartsSmallAndIsCapped() {
    assertThat(ServiceProcess.jvmOptions(null))
        .containsExactly("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    assertThat(ServiceProcess.jvmOptions("  ")).isEqualTo(ServiceProcess.jvmOptions(null));
  }

  @Test
  void theVariableReplacesTheDefaultsWordByWord() {
    assertThat(ServiceProcess.jvmOptions(" -Xmx512m  -XX:+UseG1GC "))
        .containsExactly("-Xmx512m", "-XX:+UseG1GC");
  }
}
