"""The event loop's turns of a running `ibterm engine`, from an strace of its epoll_wait calls:
a turn is the time from one epoll_wait's return to the next call on the thread that calls it
most (SwiftNIO's event loop), i.e. what the loop did between two looks at its sockets.

Record:  strace -f --seccomp-bpf -e trace=epoll_wait -ttt -T -o TRACE ibterm engine ...
         (ibterm-bench engine-floods --binary WRAPPER runs the engine under such a wrapper script)
Report:  python3 engine-turns.py TRACE   (count, p50, p99, max and the eight longest, with when)
"""
import re,collections,sys
lines=open(sys.argv[1]).read().splitlines()
by=collections.defaultdict(list)
for l in lines:
    m=re.match(r'(\d+)\s+([\d.]+) epoll_wait\(.*\) = (\d+|-?\d+ \w+).*<([\d.]+)>',l)
    if m: by[m.group(1)].append((float(m.group(2)),float(m.group(4))))
    else:
        m=re.match(r'(\d+)\s+([\d.]+) <\.\.\. epoll_wait resumed>.*<([\d.]+)>',l)
        if m: by[m.group(1)].append((float(m.group(2))-float(m.group(3)),float(m.group(3))))
tid=max(by,key=lambda k:len(by[k]))
ev=sorted(by[tid]); t00=ev[0][0]
gaps=[(t1-(t0+d0),t0+d0-t00) for (t0,d0),(t1,d1) in zip(ev,ev[1:])]
g=sorted(x for x,_ in gaps)
print("turns %d, p50 %.2f ms, p99 %.2f ms, max %.1f ms; top:"%(len(g),g[len(g)//2]*1000,g[int(len(g)*.99)]*1000,g[-1]*1000),[ (round(x*1000,1),round(t,2)) for x,t in sorted(gaps,reverse=True)[:8]])
