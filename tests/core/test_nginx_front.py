"""gunicorn behind a real nginx, with the shipped deploy/nginx/iopguide.conf (issue #18, hole 5).

Thirty half-sent requests from one client hold every gunicorn worker thread, so /healthz
stops answering when gunicorn faces clients itself; in front of it, nginx reads each request
whole before passing it on and drops the stalled ones after its timeouts.

The site file runs as shipped: only its ports, certificate, log and web-root paths are
replaced (each replacement must match, so an edit to the file cannot slip past the test).
Runs in the PostgreSQL run of `make check` / `make test-pg` (production's database, and one
run is enough); `make nginx` installs Debian's nginx. Loopback only; every loop is bounded.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
SITE_FILE = ROOT / "deploy" / "nginx" / "iopguide.conf"
HOST = "iopguide.example.org"
NGINX = "/usr/sbin/nginx"
SLOW_CLIENTS = 30
# The request headers of every slow client, short of the blank line that ends them.
HALF_HEADERS = (
    f"GET /healthz HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: slow-client\r\nX-Padding: a"
).encode()
# With a CSRF cookie, Django's CSRF check reads the body, so it waits for the rest.
HALF_BODY = (
    f"POST / HTTP/1.1\r\nHost: {HOST}\r\nCookie: csrftoken={'a' * 32}\r\n"
    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n0123456789"
).encode()
# What gunicorn writes for each request here: what nginx passed on in these headers.
ACCESS_FORMAT = (
    '"%(m)s %(U)s" %(s)s xff=[%({x-forwarded-for}i)s] rid=[%({x-request-id}i)s] '
    "proto=[%({x-forwarded-proto}i)s] host=[%({host}i)s]"
)


def _shipped_value(directive: str) -> str:
    match = re.search(rf"^\s*{directive}\s+([^;]+);", SITE_FILE.read_text(), re.MULTILINE)
    assert match, f"{directive} is missing from {SITE_FILE}"
    return match.group(1).strip()


def _seconds(value: str) -> float:
    match = re.fullmatch(r"(\d+)(s?)", value)
    assert match, f"write timeouts in seconds, e.g. 10s; got {value!r}"
    return float(match.group(1))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _replace(text: str, old: str, new: str, count: int) -> str:
    found = text.count(old)
    assert found == count, f"expected {old!r} {count} time(s) in {SITE_FILE.name}, found {found}"
    return text.replace(old, new)


def _wait_for_port(port: int, process: subprocess.Popen, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@dataclass
class Front:
    gunicorn_port: int
    http_port: int
    https_port: int
    workdir: Path

    @property
    def gunicorn_log(self) -> Path:
        return self.workdir / "gunicorn-access.log"


def _requirements_or_skip() -> None:
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.skip("runs in the PostgreSQL run (make test-pg, make check), once")
    missing = [] if os.access(NGINX, os.X_OK) else ["nginx"]
    missing += [] if shutil.which("openssl") else ["openssl"]
    if missing:
        message = f"needs Debian's {' and '.join(missing)}: run `make nginx`"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the nginx front-end test; it {message}")
        pytest.skip(message)


@pytest.fixture(scope="module")
def front() -> Iterator[Front]:
    _requirements_or_skip()
    # Not pytest's tmp_path: as root, nginx's workers run as nobody and must reach it.
    workdir = Path(tempfile.mkdtemp(prefix="iopguide-nginx-"))
    workdir.chmod(0o755)
    processes: list[subprocess.Popen] = []
    try:
        ports = Front(_free_port(), _free_port(), _free_port(), workdir)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
            + ["-subj", f"/CN={HOST}", "-keyout", str(workdir / "key.pem")]
            + ["-out", str(workdir / "cert.pem")],
            check=True,
            capture_output=True,
        )
        site = SITE_FILE.read_text()
        site = _replace(
            site, "server 127.0.0.1:8000;", f"server 127.0.0.1:{ports.gunicorn_port};", 1
        )
        site = _replace(site, "listen 80;", f"listen 127.0.0.1:{ports.http_port};", 1)
        site = _replace(site, "listen 443 ssl;", f"listen 127.0.0.1:{ports.https_port} ssl;", 1)
        # The machine may have no IPv6; the IPv4 lines above carry the same servers.
        site = _replace(site, "listen [::]:80;", "", 1)
        site = _replace(site, "listen [::]:443 ssl;", "", 1)
        site = _replace(
            site, f"/etc/letsencrypt/live/{HOST}/fullchain.pem", str(workdir / "cert.pem"), 1
        )
        site = _replace(
            site, f"/etc/letsencrypt/live/{HOST}/privkey.pem", str(workdir / "key.pem"), 1
        )
        site = _replace(site, "/var/log/nginx/", f"{workdir}/", 4)
        site = _replace(site, "root /var/www/letsencrypt;", f"root {workdir}/www;", 1)
        (workdir / "site.conf").write_text(site)
        # What Debian's /etc/nginx/nginx.conf gives a site, with this run's own paths.
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        temp_paths = "\n".join(
            f"    {kind}_temp_path {workdir}/{kind}_temp;"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (workdir / "nginx.conf").write_text(
            f"daemon off;\n{user}\nworker_processes 1;\npid {workdir}/nginx.pid;\n"
            f"error_log {workdir}/nginx-main.log info;\n"
            "events { worker_connections 256; }\n"
            f"http {{\n{temp_paths}\n    include {workdir}/site.conf;\n}}\n"
        )
        nginx_cmd = [NGINX, "-p", str(workdir), "-e", str(workdir / "nginx-main.log")]
        nginx_cmd += ["-c", str(workdir / "nginx.conf")]
        check = subprocess.run([*nginx_cmd, "-t"], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr

        env = {
            **os.environ,
            "GUNICORN_BIND": f"127.0.0.1:{ports.gunicorn_port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_ACCESS_LOG": str(ports.gunicorn_log),
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
        }
        env.pop("GUNICORN_THREADS", None)
        gunicorn_out = workdir / "gunicorn.out"
        with gunicorn_out.open("wb") as out:
            gunicorn = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")]
                + ["--access-logformat", ACCESS_FORMAT, "--no-control-socket", "iopguide.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        processes.append(gunicorn)
        _wait_for_port(ports.gunicorn_port, gunicorn, gunicorn_out, 60)
        nginx_out = workdir / "nginx.out"
        with nginx_out.open("wb") as out:
            nginx = subprocess.Popen(nginx_cmd, stdout=out, stderr=subprocess.STDOUT)
        processes.append(nginx)
        _wait_for_port(ports.https_port, nginx, workdir / "nginx-main.log", 20)
        status, _, _ = _get(ports.https_port, "/healthz", timeout=30)
        assert status == 200
        yield ports
    finally:
        for process in reversed(processes):
            _stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


def _tls() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the test's own throwaway certificate
    return context


def _get(
    port: int,
    path: str,
    *,
    tls: bool = True,
    timeout: float = 1.0,
    headers: dict[str, str] | None = None,
    method: str = "GET",
    body: bytes | None = None,
) -> tuple[int, dict[str, str], bytes]:
    connection: http.client.HTTPConnection
    if tls:
        connection = http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=timeout, context=_tls()
        )
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


def _open_slow_clients(port: int, *, tls: bool) -> list[socket.socket]:
    """Half the clients stop before the blank line that ends the headers; the other half
    announce 1000 bytes of body and send 10."""
    sockets: list[socket.socket] = []
    try:
        for n in range(SLOW_CLIENTS):
            raw = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock = _tls().wrap_socket(raw) if tls else raw
            sockets.append(sock)
            sock.sendall(HALF_HEADERS if n % 2 == 0 else HALF_BODY)
    except BaseException:
        _close_all(sockets)
        raise
    return sockets


def _close_all(sockets: list[socket.socket]) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.close()


def _closed_by_server(sock: socket.socket) -> bool:
    """Read whatever the server sends (a 408 page, say) until it closes the connection.

    True on end of file or a reset; a socket timeout propagates."""
    for _ in range(100):
        try:
            if not sock.recv(4096):
                return True
        except (ConnectionResetError, ssl.SSLEOFError, ssl.SSLZeroReturnError):
            return True
        except ssl.SSLError as error:
            if "EOF" in str(error) or "RECORD" in str(error):
                return True
            raise
    return False


def test_shipped_values_match_django_and_are_short():
    assert _shipped_value("proxy_request_buffering") == "on"
    # nginx refuses what Django would refuse anyway, before gunicorn reads it.
    size = _shipped_value("client_max_body_size")
    assert size.endswith("k")
    assert int(size[:-1]) * 1024 == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    for directive in (
        "client_header_timeout",
        "client_body_timeout",
        "send_timeout",
        "keepalive_timeout",
    ):
        assert _seconds(_shipped_value(directive)) <= 15, directive
    text = SITE_FILE.read_text()
    for line in (
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "proxy_set_header X-Request-ID $request_id;",
        "proxy_set_header Host $host;",
    ):
        assert line in text


def test_healthz_answers_through_nginx_while_slow_clients_hang(front: Front):
    header_timeout = _seconds(_shipped_value("client_header_timeout"))
    body_timeout = _seconds(_shipped_value("client_body_timeout"))
    log_start = front.gunicorn_log.stat().st_size
    started = time.monotonic()
    sockets = _open_slow_clients(front.https_port, tls=True)
    try:
        for _ in range(20):
            before = time.monotonic()
            status, _, body = _get(front.https_port, "/healthz", timeout=1.0)
            assert (status, body) == (200, b"ok")
            assert time.monotonic() - before < 1.0
            time.sleep(0.1)
        # nginx closes the stalled connections once its timeouts pass, not before.
        margin = 5.0
        for sock in sockets:
            remaining = started + max(header_timeout, body_timeout) + margin - time.monotonic()
            sock.settimeout(max(remaining, 0.1))
            assert _closed_by_server(sock), "nginx kept sending on a half-sent request"
        assert time.monotonic() - started >= 0.8 * min(header_timeout, body_timeout)
    finally:
        _close_all(sockets)
    # gunicorn never saw them: nginx passes a request on only once it has all of it (with
    # proxy_request_buffering off, the POSTs would reach gunicorn and fail there).
    time.sleep(1)
    assert '"POST ' not in front.gunicorn_log.read_text()[log_start:]


def test_without_nginx_slow_clients_block_healthz(front: Front):
    """Why the front end exists: the same attack straight at gunicorn, the same check fails.

    Each slow client holds a worker thread for as long as it likes (2 workers x 4 threads),
    so at least one worker has none left and the /healthz probes it takes hang. Which worker
    takes a probe is the kernel's choice: a few may reach the other one first, never 20 in a
    row. Bounded: a probe waits 1 s, then the slow clients go and gunicorn answers again."""
    sockets = _open_slow_clients(front.gunicorn_port, tls=False)
    try:
        time.sleep(0.5)  # let the workers pick them up
        answered = 0
        with pytest.raises((TimeoutError, socket.timeout)):  # noqa: PT012
            for _ in range(20):
                _get(front.gunicorn_port, "/healthz", tls=False, timeout=1.0)
                answered += 1
        # And gunicorn never closes them: after 3 s they are still open, waiting.
        sockets[0].settimeout(2.5)
        with pytest.raises((TimeoutError, socket.timeout)):
            sockets[0].recv(1)
    finally:
        _close_all(sockets)
    deadline = time.monotonic() + 20
    while True:
        try:
            status, _, _ = _get(front.gunicorn_port, "/healthz", tls=False, timeout=2.0)
            assert status == 200
            break
        except (TimeoutError, OSError):
            if time.monotonic() > deadline:
                raise


def test_nginx_appends_client_address_and_sets_request_id(front: Front):
    status, _, _ = _get(
        front.https_port,
        "/healthz",
        headers={"X-Forwarded-For": "203.0.113.9", "X-Request-ID": "client-chosen-id-1"},
    )
    assert status == 200
    status, _, _ = _get(front.https_port, "/healthz")
    assert status == 200
    lines = []
    for _ in range(50):  # gunicorn writes its access line just after answering
        lines = [
            line for line in front.gunicorn_log.read_text().splitlines() if "proto=[https]" in line
        ]
        if len(lines) >= 2:
            break
        time.sleep(0.1)
    # A client's own X-Forwarded-For is kept on the left; nginx appends the address it saw,
    # the right-most entry, which is the one the app trusts behind one proxy.
    assert len(lines) >= 2, lines
    # Two gunicorn workers may write their lines in either order.
    spoofed, plain = sorted(lines[-2:], key=lambda line: "203.0.113.9" not in line)
    assert "xff=[203.0.113.9, 127.0.0.1]" in spoofed
    assert "xff=[127.0.0.1]" in plain
    # nginx's own request id replaces whatever the client sent.
    request_ids = [re.findall(r"rid=\[([^\]]*)\]", line)[0] for line in (spoofed, plain)]
    assert all(re.fullmatch(r"[0-9a-f]{32}", rid) for rid in request_ids), request_ids
    assert request_ids[0] != request_ids[1]
    assert f"host=[{HOST}]" in plain


def test_readyz_answers_this_machine_only(front: Front):
    status, _, _ = _get(front.https_port, "/readyz")
    assert status in (200, 503)  # the app's answer, whatever it is
    # From another address (here 127.0.0.2, a second loopback address) nginx refuses it.
    connection = http.client.HTTPSConnection(
        "127.0.0.1", front.https_port, timeout=2, context=_tls(), source_address=("127.0.0.2", 0)
    )
    try:
        connection.request("GET", "/readyz", headers={"Host": HOST})
        answer = connection.getresponse()
        assert answer.status == 403
        answer.read()
        connection.request("GET", "/healthz", headers={"Host": HOST})
        assert connection.getresponse().status == 200
    finally:
        connection.close()


def test_http_redirects_to_https(front: Front):
    status, headers, _ = _get(front.http_port, "/levels/?x=1", tls=False)
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/levels/?x=1"


def test_bodies_over_django_limit_are_refused_by_nginx(front: Front):
    body = b"a=" + b"x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    status, _, _ = _get(
        front.https_port,
        "/",
        method="POST",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=5,
    )
    assert status == 413


def test_nginx_access_log_has_no_token_and_no_address(front: Front):
    token = "SecretToken123_abc"
    _get(front.https_port, f"/results/{token}/share/?email=robin@example.org", timeout=5)
    _get(front.https_port, f"/es/results/{token}/", timeout=5)
    log = ""
    for _ in range(50):
        log = (front.workdir / "iopguide.access.log").read_text()
        if "/es/results/" in log:
            break
        time.sleep(0.1)
    assert '"path":"/results/[redacted]/share/"' in log
    assert '"path":"/es/results/[redacted]/"' in log
    assert token not in log
    assert "robin" not in log
    assert "127.0.0.1" not in log
