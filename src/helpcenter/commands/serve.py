"""``helpcenter serve`` (``make serve-prod``): the built site served by nginx as in production.

Generates the server block from ``deploy/nginx/helpcenter.conf`` and the
built site (:mod:`helpcenter.site.serving`) into a temporary folder with its
own pid and temporary paths, runs nginx in the foreground on 127.0.0.1, and
stops it on Ctrl-C. ``--print-config`` prints the server block for a
production host instead.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from helpcenter.site import serving

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="the built site")
    parser.add_argument("--port", type=int, default=8080, help="port (default: %(default)s)")
    parser.add_argument("--host", default="127.0.0.1", help="address (default: %(default)s)")
    parser.add_argument(
        "--prefix", default="/", help="URL path to serve the site under (default: %(default)s)"
    )
    parser.add_argument(
        "--print-config",
        action="store_true",
        help="print the production server block instead of serving",
    )
    parser.add_argument(
        "--root",
        help="with --print-config: directory of the URL path / on the server "
        "(the site's files are at ROOT/PREFIX)",
    )
    parser.add_argument(
        "--listen",
        action="append",
        help="with --print-config: a listen directive's parameters (repeatable; default 80)",
    )
    parser.add_argument("--server-name", default="_", help="with --print-config: server_name")
    parser.add_argument(
        "--brotli",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="with --print-config: brotli_static on (default: if this machine has the module)",
    )


def _print_config(args: argparse.Namespace, site_dir: Path) -> int:
    site = serving.NginxSite(
        root=args.root or str(site_dir.resolve()),
        prefix=args.prefix,
        listen=tuple(args.listen or ("80",)),
        server_name=args.server_name,
        brotli=serving.BROTLI_MODULE.is_file() if args.brotli is None else args.brotli,
    )
    sys.stdout.write(serving.nginx_server(site_dir, site))
    return EXIT_OK


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    site_dir: Path = args.site_dir
    if not (site_dir / "index.html").is_file():
        print(
            f"helpcenter serve: {site_dir}/ holds no built site; run `make site` first",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        if args.print_config:
            return _print_config(args, site_dir)
        if serving.nginx_binary() is None:
            print(
                "helpcenter serve: nginx is not installed; `make serve-prod` installs it "
                "as root, or: sudo apt-get install -y nginx",
                file=sys.stderr,
            )
            return EXIT_FAILED
        with tempfile.TemporaryDirectory(prefix="hc-nginx-") as tmp:
            conf = serving.standalone_config(
                site_dir, tmp, args.port, args.host, args.prefix, serving.site_owner(site_dir)
            )
            prefix = "/" + args.prefix.strip("/") + "/" if args.prefix.strip("/") else "/"
            print(
                f"helpcenter serve: {site_dir}/ at http://{args.host}:{args.port}{prefix} "
                "(nginx, production config; Ctrl-C stops)",
                file=sys.stderr,
            )
            proc = subprocess.Popen(serving.nginx_command(conf))
            # A SIGTERM (a supervisor, `timeout`) stops nginx as Ctrl-C does,
            # so the temporary folder is removed either way.
            signal.signal(signal.SIGTERM, _interrupt)
            try:
                return proc.wait()
            except KeyboardInterrupt:
                proc.send_signal(signal.SIGQUIT)  # graceful; nginx also got the Ctrl-C
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                return EXIT_OK
    except serving.ServingError as exc:
        print(f"helpcenter serve: {exc}", file=sys.stderr)
        return EXIT_FAILED
