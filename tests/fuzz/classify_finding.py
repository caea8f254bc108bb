#!/usr/bin/env python3
"""Says whose fault a fuzzer finding is, from the report of replaying it: 'ours' or 'library'.

Usage: classify_finding.py REPORT_FILE   (prints 'ours: …' or 'library: …', one line)

A finding is ours when undefined behaviour is reported in our sources, when an exception other
than DataError escaped a reader, when the memory involved is ours (our stack or our allocation),
or when the innermost frame that is neither the sanitizer runtime nor the C library is in our code.
It is the library's when that frame is in libhdf5 or libnetcdf (or what they load) and the memory
is theirs: such findings cannot be fixed here, and are reported, not failed on.
"""
import re
import sys

LIBRARIES = re.compile(r"lib(hdf5|netcdf|sz|z|curl|xml2)[^ /]*\.so")
RUNTIME = re.compile(r" in (__interceptor_|__asan|__sanitizer|__lsan|__ubsan|fuzzer::|__libc_|__GI_|__memset|__memcpy|__memmove)"
                     r"| in (mem(cpy|set|move|cmp)|malloc|calloc|realloc|free|strdup|strlen|operator new|operator delete|raise|"
                     r"abort|__pthread_kill|pthread_kill|gsignal|_start|main)\b|libc\.so|libstdc\+\+|libgcc_s")
FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ (.*)$")


def frames(block):
    return [m.group(1) for m in map(FRAME.match, block) if m]


def innermost(stack):
    for f in stack:
        if not RUNTIME.search(" " + f):
            return f
    return stack[0] if stack else ""


def whose(frame):
    return "library" if LIBRARIES.search(frame) else "ours"


def main():
    text = open(sys.argv[1], errors="replace").read()
    lines = text.splitlines()
    ub = re.search(r"^(\S+):\d+:\d+: runtime error: (.*)$", text, re.M)
    if ub:
        print(("ours" if "/core/" in ub.group(1) or "/tests/" in ub.group(1) else "library") + ": undefined behaviour: " + ub.group(2))
        return
    if "terminate called" in text or "uncaught exception" in text:
        what = re.search(r"what\(\):\s*(.*)", text)
        print("ours: an exception other than DataError escaped" + (": " + what.group(1) if what else ""))
        return
    # The stacks of the report, in order: where it happened, then (ASan) where the memory came from.
    stacks, current = [], []
    for line in lines:
        if FRAME.match(line):
            current.append(line)
        elif current:
            stacks.append(frames(current))
            current = []
    if current:
        stacks.append(frames(current))
    kind = re.search(r"ERROR: (?:AddressSanitizer|LeakSanitizer|libFuzzer): ([\w-]+(?: [\w-]+)?)", text)
    kind = kind.group(1) if kind else "finding"
    kind = {"timeout after": "timeout", "detected memory": "memory leak", "out-of-memory": "out of memory"}.get(kind, kind)
    if not stacks:
        print("ours: " + kind + " with no stack")
        return
    if "stack of thread" in text:  # ASan: the bad address is in one of our stack frames
        frame = re.search(r"in stack of thread.*?\n\s*#\d+ 0x[0-9a-f]+ in (\S+)", text, re.S)
        owner = frame.group(1) if frame else ""
        print(("library" if LIBRARIES.search(owner) else "ours") + ": " + kind + " on a stack variable of " + owner)
        return
    where = innermost(stacks[0])
    verdict = whose(where)
    if verdict == "library" and len(stacks) > 1 and "allocated by" in text:
        source = innermost(stacks[1])
        if whose(source) == "ours":
            print("ours: " + kind + " in " + where + " on memory we allocated in " + source)
            return
    # Name the innermost named function from there on (stripped libraries have unnamed frames).
    start = stacks[0].index(where) if where in stacks[0] else 0
    names = [m.group(1) for m in (re.search(r"in ([A-Za-z_][\w:<>~]*)", f) for f in stacks[0][start:]) if m]
    module = re.search(r"(lib[\w.+-]+\.so[.\d]*)", where)
    print(verdict + ": " + kind + " in " + (names[0] if names else "?") + (" (" + module.group(1) + ")" if module else ""))


if __name__ == "__main__":
    main()
