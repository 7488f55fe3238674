#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifests.

Usage: check-flatpak.py COMMAND MANIFEST APP_ID [MANIFEST APP_ID ...]

COMMAND is the binary Meson installs. A manifest whose APP_ID ends in .Devel
is the development variant and must pass -Ddevelopment=true; the others must
not.
"""

import json
import os
import re
import sys

RUNTIME = 'org.gnome.Platform'
SDK = 'org.gnome.Sdk'
FINISH_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]
PINNED_VERSION = re.compile(r'^[0-9]+(?:\.[0-9]+)*$')


def check(path, app_id, command):
    errors = []

    def fail(message):
        errors.append(f'{os.path.basename(path)}: {message}')

    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        return [f'{path}: cannot be read as JSON: {e}']
    if not isinstance(manifest, dict):
        return [f'{path}: the manifest is not a JSON object']

    ids = {key: manifest[key] for key in ('id', 'app-id') if key in manifest}
    if not ids:
        fail('has neither "id" nor "app-id"')
    for key, value in ids.items():
        if value != app_id:
            fail(f'"{key}" is {value!r}, expected {app_id!r}')

    if manifest.get('command') != command:
        fail(f'"command" is {manifest.get("command")!r}, expected {command!r} '
             '(the binary Meson installs)')

    if manifest.get('runtime') != RUNTIME:
        fail(f'"runtime" is {manifest.get("runtime")!r}, expected {RUNTIME!r}')
    if manifest.get('sdk') != SDK:
        fail(f'"sdk" is {manifest.get("sdk")!r}, expected {SDK!r}')
    version = manifest.get('runtime-version')
    if not isinstance(version, str) or not PINNED_VERSION.match(version):
        fail(f'"runtime-version" is {version!r}, expected a pinned version '
             'such as "47" (not master or nightly)')

    finish_args = manifest.get('finish-args')
    if not isinstance(finish_args, list) or \
            sorted(finish_args) != sorted(FINISH_ARGS) or \
            len(set(finish_args)) != len(finish_args):
        fail(f'"finish-args" is {finish_args!r}, expected exactly '
             f'{FINISH_ARGS!r}')

    modules = manifest.get('modules')
    if not isinstance(modules, list) or not modules:
        fail('has no "modules"')
        return errors
    app = modules[-1]
    if not isinstance(app, dict):
        fail('the last module (the application) must be written inline')
        return errors
    if app.get('buildsystem') != 'meson':
        fail(f'the last module has buildsystem {app.get("buildsystem")!r}, '
             'expected "meson"')
    sources = app.get('sources')
    dirs = [s for s in sources or []
            if isinstance(s, dict) and s.get('type') == 'dir']
    if len(sources or []) != 1 or len(dirs) != 1 or \
            os.path.normpath(dirs[0].get('path', '')) != '..':
        fail(f'the last module\'s sources are {sources!r}, expected one '
             '{"type": "dir", "path": ".."}')

    config_opts = app.get('config-opts', [])
    development = app_id.endswith('.Devel')
    if development and '-Ddevelopment=true' not in config_opts:
        fail(f'config-opts {config_opts!r} lack -Ddevelopment=true')
    if not development and any(o.startswith('-Ddevelopment=') and
                               o != '-Ddevelopment=false'
                               for o in config_opts):
        fail(f'config-opts {config_opts!r} of the release manifest enable '
             'the development build')
    return errors


def main():
    args = sys.argv[1:]
    if len(args) < 3 or len(args) % 2 != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    command = args[0]
    errors = []
    pairs = list(zip(args[1::2], args[2::2]))
    for path, app_id in pairs:
        errors += check(path, app_id, command)
    if errors:
        for error in errors:
            print('FAIL: ' + error)
        return 1
    for path, app_id in pairs:
        print(f'{os.path.basename(path)}: {app_id} OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
