"""Round 6, paired by incident: python training/judgement/round6/paired.py SCORES.jsonl [...]."""
import json,sys,math
key=json.load(open('training/judgement/round6/key.json'))
sc={}
for f in sys.argv[1:]:
    for l in open(f): d=json.loads(l); sc[d['id']]=d
ev=json.load(open('training/judgement/round6/eval-variants.json'))['variants']
model={r['id']:r['draft']['commit'] for r in ev[0]['rows']}
rules={r['id']:r['draft']['commit'] for r in ev[1]['rows']}
by={}
for did,k in key.items():
    if did in sc: by.setdefault(k['incident'],{})[k['variant']]=sc[did]
def sign(w,l):
    n=w+l; 
    if n==0: return 1.0
    k=min(w,l); p=sum(math.comb(n,i) for i in range(k+1))/2**n*2; return min(1,p)
for field in ('acknowledge','commit'):
    w=sum(1 for v in by.values() if len(v)==2 and v['rules'][field]>v['model'][field]); l=sum(1 for v in by.values() if len(v)==2 and v['rules'][field]<v['model'][field])
    print(field,'rules better',w,'worse',l,'p=%.4f'%sign(w,l))
w=sum(1 for v in by.values() if len(v)==2 and not v['rules']['harmful'] and v['model']['harmful']); l=sum(1 for v in by.values() if len(v)==2 and v['rules']['harmful'] and not v['model']['harmful'])
print('harmless where other harmful: rules',w,'model',l,'p=%.4f'%sign(w,l))
ok=lambda s: s['verdict']!='rewrite'
w=sum(1 for v in by.values() if len(v)==2 and ok(v['rules']) and not ok(v['model'])); l=sum(1 for v in by.values() if len(v)==2 and ok(v['model']) and not ok(v['rules']))
print('sendable where other not: rules',w,'model',l,'p=%.4f'%sign(w,l))
print('pairs',sum(1 for v in by.values() if len(v)==2))
# rules variant split by whether the rule fired
for fired in (True,False):
    rows=[v['rules'] for i,v in by.items() if 'rules' in v and (rules[i]!=model[i])==fired]
    if rows: print('rule fired' if fired else 'no rule', len(rows), 'commit %.2f'%(sum(r['commit'] for r in rows)/len(rows)), 'harmful %d'%sum(r['harmful'] for r in rows), 'send/light %d'%sum(ok(r) for r in rows))
