#!/usr/bin/env python3
"""KLeakLint on the real kernel fix corpus (shared/corpus/kernel-fixes.jsonl).

Usually started by bench/corpus/run.sh, which makes sure the kernel tree and the CLI exist.

For every case the buggy and the fixed file are copied next to the original file in the kernel
tree (so quoted includes and the Makefile's ccflags resolve), checked with
`kleaklint check --kernel HEADERS --format json`, and removed again. A case is *caught* when the
buggy file has more fitting findings in the case's function than the fixed file, *noisy* when the
fixed file still has one (fitting rules by bug class, see the corpus README).

Prints a per-case table and totals; writes OUT/results.json (per-case findings, statuses,
diagnostics), OUT/summary.txt (the printed text) and OUT/cases/<id>/{buggy,fixed}.c.
Standard library only. Exit status 0 when the run worked, 1 when it could not run.
"""
import argparse
import collections
import concurrent.futures
import datetime
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

LEAK_RULES = {'KL0001', 'KL0004', 'KL0006'}
RELEASE_RULES = {'KL0002', 'KL0003'}


def fitting_rules(bug_class):
    if bug_class in ('double-release', 'use-after-release'):
        return RELEASE_RULES
    if bug_class == 'other':
        return LEAK_RULES | {'KL0005'}
    return LEAK_RULES


def api_family(api):
    """The acquire side of `api` reduced to a family name."""
    acq, _, rel = api.partition('->')
    acq, rel = acq.strip(), rel.strip()
    if 'put_device' in rel:
        return 'put_device'
    if acq.startswith('of_') or acq.endswith('_of_node'):
        return 'of_*'
    if 'kfree' in api or acq.startswith(('kmalloc', 'kzalloc', 'kcalloc', 'kmemdup')):
        return 'kmalloc'
    table = [
        ('pci', 'pci_dev'), ('usb_get_dev', 'usb_dev'), ('usb_alloc_urb', 'usb_urb'),
        ('pm_runtime', 'pm_runtime'), ('skb', 'skb'), ('get_file', 'file'),
        ('kset_find_obj', 'kobject'), ('acpi_dev', 'acpi_dev'), ('dma_alloc', 'dma_coherent'),
        ('igrab', 'inode'),
    ]
    for key, fam in table:
        if key in acq:
            return fam
    return acq.split('(')[0] or 'other'


class Copies:
    """The files put into the kernel tree; removed by cleanup() whatever happens."""

    def __init__(self, manifest):
        self.paths = []
        self.manifest = manifest

    def add(self, src, dst):
        if os.path.exists(dst):
            raise RuntimeError(f'{dst} already exists; refusing to overwrite a file in the tree')
        self.paths.append(dst)
        with open(self.manifest, 'a', encoding='utf-8') as f:
            f.write(dst + '\n')
        shutil.copyfile(src, dst)

    def remove(self, paths):
        for p in paths:
            try:
                os.unlink(p)
            except FileNotFoundError:
                pass

    def cleanup(self):
        self.remove(self.paths)
        self.paths = []


STOPPING = threading.Event()
RUNNING = set()
RUNNING_LOCK = threading.Lock()


def run_kleaklint(exe, files, headers, timeout, clang_args=()):
    """One kleaklint process; returns (parsed JSON or None, exit code, stderr, seconds)."""
    start = time.monotonic()
    cmd = [exe, 'check', *files, '--kernel', headers, '--format', 'json']
    if clang_args:
        cmd += ['--', *clang_args]
    if STOPPING.is_set():
        return None, -1, 'interrupted', 0.0
    p = subprocess.Popen(cmd, cwd='/', stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with RUNNING_LOCK:
        RUNNING.add(p)
    try:
        out, err = p.communicate(timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        rc, out, err = -1, '', f'timeout after {timeout} s'
    finally:
        with RUNNING_LOCK:
            RUNNING.discard(p)
    secs = time.monotonic() - start
    try:
        doc = json.loads(out) if out.strip() else None
    except ValueError:
        doc = None
    return doc, rc, err, secs


def stop_all():
    STOPPING.set()
    with RUNNING_LOCK:
        for p in list(RUNNING):
            try:
                p.kill()
            except OSError:
                pass


def file_entry(doc, path):
    for f in (doc or {}).get('files', []):
        if os.path.normpath(os.path.join('/', f['path'])) == path:
            return f
    return None


def findings_in(doc, path):
    return [f for f in (doc or {}).get('findings', [])
            if os.path.normpath(os.path.join('/', f['file'])) == path]


def evaluate(case, doc, rc, err, buggy_path, fixed_path):
    rules = fitting_rules(case['bug_class'])
    res = {'id': case['id'], 'file': case['file'], 'function': case['function'],
           'bug_class': case['bug_class'], 'api': case['api'], 'family': api_family(case['api']),
           'x86_buildable': case.get('x86_buildable'), 'kconfig': case.get('kconfig'),
           'fix_line_numbers': case.get('fix_line_numbers'), 'exit_code': rc}
    if doc is None:
        res['run_error'] = err.strip()[-2000:]
    for side, path in (('buggy', buggy_path), ('fixed', fixed_path)):
        fe = file_entry(doc, path)
        diags = fe['diagnostics'] if fe else []
        errors = [d for d in diags if d['severity'] in ('error', 'fatal')]
        all_f = findings_in(doc, path)
        in_fn = [f for f in all_f if f['function'] == case['function']]
        fit = [f for f in in_fn if f['rule'] in rules]
        res[side] = {
            'status': fe['status'] if fe else 'missing',
            'error_count': len(errors),
            'errors': [{'file': d['file'], 'line': d['line'], 'message': d['message']} for d in errors[:15]],
            'incomplete': fe.get('incomplete', []) if fe else [],
            'function_incomplete': any(i.get('function') == case['function']
                                       for i in (fe.get('incomplete', []) if fe else [])),
            'fitting': len(fit),
            'findings_in_function': [{k: f[k] for k in ('rule', 'line', 'column', 'message', 'acquire', 'path')}
                                     for f in in_fn],
            'findings_elsewhere': [[f['rule'], f['function'], f['line']] for f in all_f
                                   if f['function'] != case['function']],
        }
    res['caught'] = res['buggy']['fitting'] > res['fixed']['fitting']
    res['noisy'] = res['fixed']['fitting'] > 0
    return res


def status_word(res):
    b, f = res['buggy']['status'], res['fixed']['status']
    s = b if b == f else f'{b}/{f}'
    n = max(res['buggy']['error_count'], res['fixed']['error_count'])
    return f'{s}({n})' if n else s


def note(res):
    notes = []
    if 'run_error' in res:
        notes.append('no JSON from kleaklint')
    if res['buggy']['function_incomplete'] or res['fixed']['function_incomplete']:
        notes.append('function analysis incomplete (findings withheld)')
    if res['buggy']['status'] == 'missing':
        notes.append('file missing from report')
    return '; '.join(notes)


def pct(n, d):
    return f'{n}/{d} ({100.0 * n / d:.0f}%)' if d else '0/0'


def report(results, meta):
    lines = []
    w = max(len(r['id']) for r in results)
    hdr = f"{'id':<{w}}  {'bug_class':<17} {'family':<12} {'status':<12} {'bug':>3} {'fix':>3}  caught noisy  note"
    lines.append(hdr)
    lines.append('-' * len(hdr))
    for r in results:
        lines.append(f"{r['id']:<{w}}  {r['bug_class']:<17} {r['family']:<12} {status_word(r):<12} "
                     f"{r['buggy']['fitting']:>3} {r['fixed']['fitting']:>3}  "
                     f"{'yes' if r['caught'] else '-':<6} {'NOISY' if r['noisy'] else '-':<5}  {note(r)}".rstrip())
    n = len(results)
    caught = sum(r['caught'] for r in results)
    noisy = sum(r['noisy'] for r in results)
    lines.append('')
    head = f'commit {meta["commit"]}'
    if meta['dirty']:
        head += f' (+{meta["dirty"]})'
    head += f', {meta["date"]}'
    if meta.get('stale_build'):
        head += '   WARNING: build failed, previous CLI build measured'
    lines.append(head)
    if meta.get('clang_args'):
        lines.append('extra clang arguments: ' + ' '.join(meta['clang_args']))
    lines.append(f'caught {pct(caught, n)}   noisy {pct(noisy, n)}')
    for key, title in (('bug_class', 'by bug class'), ('family', 'by API family')):
        groups = collections.defaultdict(list)
        for r in results:
            groups[r[key]].append(r)
        lines.append(f'{title}:')
        for g in sorted(groups, key=lambda g: (-len(groups[g]), g)):
            rs = groups[g]
            lines.append(f"  {g:<18} caught {sum(x['caught'] for x in rs)}/{len(rs)}"
                         f"   noisy {sum(x['noisy'] for x in rs)}/{len(rs)}")
    bad = [(r['id'], side, r[side]['status'], r[side]['error_count'])
           for r in results for side in ('buggy', 'fixed') if r[side]['status'] != 'ok']
    lines.append(f'files not parsed cleanly: {len(bad)} of {2 * n}')
    for cid, side, st, ec in bad:
        lines.append(f'  {cid} {side}: {st}, {ec} errors')
    inc = [r['id'] for r in results if r['buggy']['function_incomplete'] or r['fixed']['function_incomplete']]
    lines.append(f'target function analysis incomplete (clang errors inside it): {len(inc)}'
                 + (f' ({", ".join(inc)})' if inc else ''))
    broken = [r['id'] for r in results if 'run_error' in r]
    if broken:
        lines.append(f'kleaklint produced no JSON for: {", ".join(broken)}')
    lines.append(f'wall time: total {meta["wall_total"]:.1f} s, kleaklint phase {meta["wall_kleaklint"]:.1f} s '
                 f'({meta["kleaklint_process_seconds"]:.1f} s summed over {meta["processes"]} processes, '
                 f'{meta["jobs"]} in parallel)')
    return '\n'.join(lines)


def git_meta(repo):
    def git(*a):
        try:
            return subprocess.run(['git', '-C', repo, *a], capture_output=True, text=True,
                                  env={**os.environ, 'GIT_OPTIONAL_LOCKS': '0'}).stdout.strip()
        except OSError:
            return ''
    commit = git('rev-parse', '--short', 'HEAD') or 'unknown'
    dirty = bool(git('status', '--porcelain', '--untracked-files=no'))
    if dirty:
        # tells apart runs on the same commit with different uncommitted sources
        diff = git('diff', 'HEAD', '--', 'src')
        dirty = 'src diff ' + hashlib.sha1(diff.encode('utf-8', 'surrogateescape')).hexdigest()[:8] if diff else 'local changes'
    return commit, dirty


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--kleaklint', required=True, help='the kleaklint executable')
    ap.add_argument('--tree', required=True, help='extracted kernel source tree')
    ap.add_argument('--headers', required=True, help='kernel headers dir for --kernel')
    ap.add_argument('--shared', required=True, help='the shared/ directory holding corpus/')
    ap.add_argument('--repo', required=True, help='KLeakLint repository (for the commit)')
    ap.add_argument('--out', default='/tmp/kleaklint-corpus')
    ap.add_argument('--jobs', type=int, default=2, help='kleaklint processes in parallel')
    ap.add_argument('--batch', type=int, default=4, help='cases per kleaklint process')
    ap.add_argument('--timeout', type=int, default=600, help='seconds per kleaklint process')
    ap.add_argument('--only', action='append', default=[], help='run only this case id (repeatable)')
    ap.add_argument('--clang-arg', action='append', default=[],
                    help='extra clang argument for kleaklint (after --), e.g. -DCONFIG_OF=1 (repeatable)')
    ap.add_argument('--wall-start', type=float, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    t0 = args.wall_start or time.time()
    corpus = os.path.join(args.shared, 'corpus')
    cases_file = os.path.join(corpus, 'kernel-fixes.jsonl')
    os.makedirs(args.out, exist_ok=True)
    cases_dir = os.path.join(args.out, 'cases')
    shutil.rmtree(cases_dir, ignore_errors=True)

    mat = subprocess.run([sys.executable, os.path.join(corpus, 'materialize.py'), args.tree, cases_file, cases_dir],
                         capture_output=True, text=True)
    sys.stderr.write(mat.stdout + mat.stderr)
    if mat.returncode != 0:
        sys.stderr.write('bench: materialize.py failed\n')
        return 1

    cases = [json.loads(l) for l in open(cases_file, encoding='utf-8') if l.strip()]
    if args.only:
        cases = [c for c in cases if c['id'] in args.only]
        if not cases:
            sys.stderr.write('bench: no case matches --only\n')
            return 1

    manifest = os.path.join(args.out, 'copies.txt')
    open(manifest, 'w').close()
    copies = Copies(manifest)

    def on_signal(signum, _frame):
        stop_all()
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    tag = f'__kl{os.getpid()}'
    plan = []  # (case, buggy_path, fixed_path)
    results = {}
    proc_secs = [0.0]
    procs = [0]
    t_kl = time.time()
    try:
        for c in cases:
            orig = os.path.join(args.tree, c['file'])
            d, base = os.path.split(orig)
            stem = base[:-2] if base.endswith('.c') else base
            bp = os.path.join(d, f'{stem}{tag}_buggy.c')
            fp = os.path.join(d, f'{stem}{tag}_fixed.c')
            copies.add(os.path.join(cases_dir, c['id'], 'buggy.c'), bp)
            copies.add(os.path.join(cases_dir, c['id'], 'fixed.c'), fp)
            plan.append((c, bp, fp))

        batches = [plan[i:i + max(1, args.batch)] for i in range(0, len(plan), max(1, args.batch))]

        def do_batch(batch):
            files = [p for _, bp, fp in batch for p in (bp, fp)]
            doc, rc, err, secs = run_kleaklint(args.kleaklint, files, args.headers, args.timeout, args.clang_arg)
            out = [(c, bp, fp, doc, rc, err, secs) for c, bp, fp in batch]
            if doc is None and len(batch) > 1 and not STOPPING.is_set():
                # a crash or a timeout loses the whole batch: redo it one case at a time
                sys.stderr.write(f'bench: batch {[c["id"] for c, _, _ in batch]} gave no JSON (exit {rc}); '
                                 f'retrying case by case\n')
                out = []
                for c, bp, fp in batch:
                    d2, rc2, err2, s2 = run_kleaklint(args.kleaklint, [bp, fp], args.headers, args.timeout, args.clang_arg)
                    out.append((c, bp, fp, d2, rc2, err2, s2))
                    secs += s2
            return out, secs, (1 if doc is not None or len(batch) == 1 else 1 + len(batch))

        pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs))
        try:
            for out, secs, n in pool.map(do_batch, batches):
                proc_secs[0] += secs
                procs[0] += n
                for c, bp, fp, doc, rc, err, _ in out:
                    results[c['id']] = evaluate(c, doc, rc, err, bp, fp)
                    copies.remove([bp, fp])
                    sys.stderr.write(f"bench: {c['id']}: buggy {results[c['id']]['buggy']['fitting']}, "
                                     f"fixed {results[c['id']]['fixed']['fitting']}\n")
        finally:
            if sys.exc_info()[0] is not None:
                stop_all()
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        copies.cleanup()
        open(manifest, 'w').close()
    t_kl = time.time() - t_kl

    ordered = [results[c['id']] for c in cases]
    commit, dirty = git_meta(args.repo)
    meta = {'commit': commit, 'dirty': dirty,
            'stale_build': os.environ.get('KLEAKLINT_BENCH_STALE') == '1',
            'date': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'),
            'wall_kleaklint': t_kl, 'kleaklint_process_seconds': proc_secs[0], 'processes': procs[0],
            'jobs': args.jobs, 'tree': args.tree, 'headers': args.headers, 'clang_args': args.clang_arg}
    meta['wall_total'] = time.time() - t0
    text = report(ordered, meta)
    print(text)
    meta['caught'] = sum(r['caught'] for r in ordered)
    meta['noisy'] = sum(r['noisy'] for r in ordered)
    meta['cases'] = len(ordered)
    with open(os.path.join(args.out, 'results.json'), 'w', encoding='utf-8') as f:
        json.dump({'meta': meta, 'cases': ordered}, f, indent=2)
        f.write('\n')
    with open(os.path.join(args.out, 'summary.txt'), 'w', encoding='utf-8') as f:
        f.write(text + '\n')
    sys.stderr.write(f'bench: wrote {args.out}/results.json and summary.txt\n')
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        stop_all()
        sys.exit(130)
