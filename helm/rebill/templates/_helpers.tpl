{{/*
The chart name, or nameOverride.
*/}}
{{- define "rebill.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
A fully qualified app name, truncated to 63 characters (the DNS label limit). Suffixes such as
"-worker" are added to it, so it is cut to 56.
*/}}
{{- define "rebill.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 56 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 56 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 56 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "rebill.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "rebill.labels" -}}
helm.sh/chart: {{ include "rebill.chart" . }}
{{ include "rebill.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: rebill
{{- end }}

{{/*
Selector labels; each workload adds app.kubernetes.io/component.
*/}}
{{- define "rebill.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rebill.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "rebill.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "rebill.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "rebill.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
The Secret holding DATABASE_URL, REDIS_URL, SMTP_PASSWORD and METRICS_TOKEN.
*/}}
{{- define "rebill.secretName" -}}
{{- default (include "rebill.fullname" .) .Values.existingSecret }}
{{- end }}

{{- define "rebill.secretKey.databaseUrl" -}}
{{- if .Values.existingSecret }}{{ .Values.existingSecretKeys.databaseUrl }}{{ else }}DATABASE_URL{{ end }}
{{- end }}

{{- define "rebill.secretKey.redisUrl" -}}
{{- if .Values.existingSecret }}{{ .Values.existingSecretKeys.redisUrl }}{{ else }}REDIS_URL{{ end }}
{{- end }}

{{- define "rebill.secretKey.smtpPassword" -}}
{{- if .Values.existingSecret }}{{ .Values.existingSecretKeys.smtpPassword }}{{ else }}SMTP_PASSWORD{{ end }}
{{- end }}

{{- define "rebill.secretKey.metricsToken" -}}
{{- if .Values.existingSecret }}{{ .Values.existingSecretKeys.metricsToken }}{{ else }}METRICS_TOKEN{{ end }}
{{- end }}

{{/*
postgresql://user:pass@host:port/db, with the user and password percent-encoded.
*/}}
{{- define "rebill.databaseUrl" -}}
{{- with .Values.postgresql }}
{{- if .url }}
{{- .url }}
{{- else }}
{{- $auth := urlquery (required "postgresql.username is required" .username) }}
{{- if .password }}
{{- $auth = printf "%s:%s" $auth (urlquery .password) }}
{{- end }}
{{- printf "postgresql://%s@%s:%v/%s" $auth (required "postgresql.host is required" .host) .port (required "postgresql.database is required" .database) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
redis://[:pass@]host:port/db
*/}}
{{- define "rebill.redisUrl" -}}
{{- with .Values.redis }}
{{- if .url }}
{{- .url }}
{{- else }}
{{- $auth := "" }}
{{- if .password }}
{{- $auth = printf ":%s@" (urlquery .password) }}
{{- end }}
{{- printf "redis://%s%s:%v/%v" $auth (required "redis.host is required" .host) .port .database }}
{{- end }}
{{- end }}
{{- end }}

{{/*
PUBLIC_BASE_URL: config.publicBaseUrl, else the first ingress host, else the in-cluster Service.
*/}}
{{- define "rebill.publicBaseUrl" -}}
{{- if .Values.config.publicBaseUrl }}
{{- .Values.config.publicBaseUrl | trimSuffix "/" }}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts }}
{{- $host := (first .Values.ingress.hosts).host }}
{{- printf "%s://%s" (ternary "https" "http" (gt (len .Values.ingress.tls) 0)) $host }}
{{- else }}
{{- printf "http://%s-api.%s.svc:%v" (include "rebill.fullname" .) .Release.Namespace .Values.api.service.port }}
{{- end }}
{{- end }}

{{/*
The environment shared by the API and the workers: the ConfigMap, and the three secrets.
*/}}
{{- define "rebill.envFrom" -}}
- configMapRef:
    name: {{ include "rebill.fullname" . }}
{{- end }}

{{- define "rebill.secretEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "rebill.secretName" . }}
      key: {{ include "rebill.secretKey.databaseUrl" . }}
- name: REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "rebill.secretName" . }}
      key: {{ include "rebill.secretKey.redisUrl" . }}
- name: SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "rebill.secretName" . }}
      key: {{ include "rebill.secretKey.smtpPassword" . }}
      optional: true
{{- end }}

{{/*
METRICS_TOKEN, for the API only (the workers serve no /metrics); optional: absent, /metrics is open.
*/}}
{{- define "rebill.metricsTokenEnv" -}}
- name: METRICS_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "rebill.secretName" . }}
      key: {{ include "rebill.secretKey.metricsToken" . }}
      optional: true
{{- end }}

{{/*
Pod-level settings shared by every pod: pull secrets, security context, scheduling.
*/}}
{{- define "rebill.podCommon" -}}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
The writable /tmp every pod mounts, the root filesystem being read-only.
*/}}
{{- define "rebill.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpVolumeSizeLimit }}
{{- end }}

{{- define "rebill.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/*
Checks on the values that templates cannot express by themselves.
*/}}
{{- define "rebill.validate" -}}
{{- /* workers/main.py: JOB_COMPLETION_WAIT_SECONDS */ -}}
{{- $jobCompletionWait := 300 }}
{{- if le (int .Values.worker.terminationGracePeriodSeconds) $jobCompletionWait }}
{{- fail (printf "worker.terminationGracePeriodSeconds (%v) must be longer than the %d s a stopping worker waits for its running jobs" .Values.worker.terminationGracePeriodSeconds $jobCompletionWait) }}
{{- end }}
{{- range $component := list "api" "worker" }}
{{- with (index $.Values $component).autoscaling }}
{{- if and .enabled (gt (int .minReplicas) (int .maxReplicas)) }}
{{- fail (printf "%s.autoscaling.minReplicas must not exceed maxReplicas" $component) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
