{{/*
One service Deployment. dict:
  root         chart context
  component    service name: qad-poller, servicenow-poller, mapper-service, writer-service, console
  name         Deployment name
  svc          the service's values block
  tenantEntry  (pollers) the tenant entry name, part of the selector
  replicas     replica count; omitted when an HPA owns the count
  strategy     Deployment strategy type (default RollingUpdate)
  resources    container resources
  javaOpts     JAVA_OPTS
  crypto       true when the service decrypts tenant credentials (MLC_CRYPTO_*)
  receiptSync  true for servicenow-pollers (MLC_SERVICENOW_RECEIPT_SYNC_TOKEN)
  env          extra literal env entries ({name, value}) — never secrets
*/}}
{{- define "mlc.deployment" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
{{- $selector := include "mlc.selectorLabels" (dict "root" $root "component" .component "tenantEntry" .tenantEntry) -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}
  labels:
    {{- include "mlc.metadataLabels" $root | nindent 4 }}
    {{- $selector | nindent 4 }}
spec:
  {{- if not (kindIs "invalid" .replicas) }}
  replicas: {{ .replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: {{ .strategy | default "RollingUpdate" }}
  selector:
    matchLabels:
      {{- $selector | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "mlc.metadataLabels" $root | nindent 8 }}
        {{- $selector | nindent 8 }}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/path: /q/metrics
        prometheus.io/port: "8080"
        # Roll the pods when their configuration or secrets change.
        checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
        checksum/secrets: {{ include (print $root.Template.BasePath "/secrets.yaml") $root | sha256sum }}
        {{- with .svc.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      automountServiceAccountToken: false
      {{- with $v.common.serviceAccountName }}
      serviceAccountName: {{ . }}
      {{- end }}
      {{- with $v.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      securityContext:
        {{- toYaml $v.common.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ .component }}
          image: {{ include "mlc.image" (dict "root" $root "service" .component "image" .svc.image) }}
          imagePullPolicy: {{ $v.image.pullPolicy }}
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "mlc.fullname" $root }}-config
            {{- if .svc.config }}
            - configMapRef:
                name: {{ include "mlc.fullname" $root }}-{{ .component }}
            {{- end }}
          env:
            {{- include "mlc.databaseEnv" (dict "root" $root "component" .component) | nindent 12 }}
            {{- include "mlc.kafkaLoginEnv" (dict "root" $root "secretName" (include "mlc.kafkaSecretName" $root) "user" .component) | nindent 12 }}
            {{- with include "mlc.kafkaTlsEnv" (dict "root" $root) }}
            {{- . | nindent 12 }}
            {{- end }}
            {{- if $v.internalTls.enabled }}
            # Internal HTTP over TLS only: the operator API and the receipt sync.
            - name: QUARKUS_HTTP_SSL_PORT
              value: "8080"
            - name: QUARKUS_HTTP_INSECURE_REQUESTS
              value: disabled
            - name: QUARKUS_HTTP_SSL_CERTIFICATE_FILES
              value: /etc/mlc/tls/tls.crt
            - name: QUARKUS_HTTP_SSL_CERTIFICATE_KEY_FILES
              value: /etc/mlc/tls/tls.key
            {{- end }}
            {{- if .crypto }}
            - name: MLC_CRYPTO_KEYS
              valueFrom:
                secretKeyRef:
                  name: {{ include "mlc.cryptoSecretName" $root }}
                  key: {{ $v.crypto.keysKey }}
            - name: MLC_CRYPTO_ACTIVE_KEY_ID
              valueFrom:
                secretKeyRef:
                  name: {{ include "mlc.cryptoSecretName" $root }}
                  key: {{ $v.crypto.activeKeyIdKey }}
            {{- end }}
            # Operator-API tokens: a file, re-read when the Secret changes (rotation without restart).
            - name: MLC_API_TOKENS_FILE
              value: /etc/mlc/api/{{ $v.api.tokensKey }}
            {{- if .receiptSync }}
            - name: MLC_SERVICENOW_RECEIPT_SYNC_TOKEN
              valueFrom:
                secretKeyRef:
                  name: {{ include "mlc.apiSecretName" $root }}
                  key: {{ $v.api.receiptSyncTokenKey }}
            {{- end }}
            {{- with .javaOpts }}
            - name: JAVA_OPTS
              value: {{ . | quote }}
            {{- end }}
            {{- range .env }}
            - name: {{ .name }}
              value: {{ .value | quote }}
            {{- end }}
            {{- with .svc.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
              scheme: {{ upper (include "mlc.internalScheme" $root) }}
            {{- toYaml $v.common.probes.startup | nindent 12 }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
              scheme: {{ upper (include "mlc.internalScheme" $root) }}
            {{- toYaml $v.common.probes.liveness | nindent 12 }}
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
              scheme: {{ upper (include "mlc.internalScheme" $root) }}
            {{- toYaml $v.common.probes.readiness | nindent 12 }}
          resources:
            {{- toYaml .resources | nindent 12 }}
          securityContext:
            {{- toYaml $v.common.securityContext | nindent 12 }}
          volumeMounts:
            # Quarkus and the JVM need a writable /tmp under a read-only root filesystem.
            - name: tmp
              mountPath: /tmp
            - name: api-tokens
              mountPath: /etc/mlc/api
              readOnly: true
            {{- if $v.database.sslRootCertSecret }}
            - name: pg-ca
              mountPath: /etc/mlc/pg
              readOnly: true
            {{- end }}
            {{- if $v.kafka.tls.caSecret }}
            - name: kafka-ca
              mountPath: /etc/mlc/kafka
              readOnly: true
            {{- end }}
            {{- if $v.internalTls.enabled }}
            - name: internal-tls
              mountPath: /etc/mlc/tls
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        - name: api-tokens
          secret:
            secretName: {{ include "mlc.apiSecretName" $root }}
            items:
              - key: {{ $v.api.tokensKey }}
                path: {{ $v.api.tokensKey }}
        {{- with $v.database.sslRootCertSecret }}
        - name: pg-ca
          secret:
            secretName: {{ . }}
        {{- end }}
        {{- with $v.kafka.tls.caSecret }}
        - name: kafka-ca
          secret:
            secretName: {{ . }}
        {{- end }}
        {{- if $v.internalTls.enabled }}
        - name: internal-tls
          secret:
            secretName: {{ $v.internalTls.secretName }}
        {{- end }}
      {{- with $v.common.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.common.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $v.common.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}
