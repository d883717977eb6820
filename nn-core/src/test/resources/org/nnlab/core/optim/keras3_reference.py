# Independent numpy reference of Keras 3 update rules, for pinning test values.
import numpy as np
np.set_printoptions(precision=17)
W0 = np.array([1.0, -2.0]); G = [np.array([0.5, -1.0]), np.array([0.2, 0.4]), np.array([-0.3, 0.1])]
def run(name, step, state):
    w = W0.copy()
    for t, g in enumerate(G, 1):
        w = step(w, g, state, t)
        print(name, t, repr(w[0]), repr(w[1]))
def sgd(lr, mom=0.0, nest=False):
    def f(w, g, s, t):
        if mom == 0: return w - lr*g
        s['v'] = mom*s.get('v', 0) - lr*g
        return w + (mom*s['v'] - lr*g if nest else s['v'])
    return f
def rms(lr, rho=0.9, mom=0.0, eps=1e-7, centered=False):
    def f(w, g, s, t):
        s['v'] = rho*s.get('v', 0) + (1-rho)*g*g
        if centered:
            s['a'] = rho*s.get('a', 0) + (1-rho)*g
            den = s['v'] - s['a']**2 + eps
        else: den = s['v'] + eps
        inc = lr*g/np.sqrt(den)
        if mom > 0:
            s['m'] = mom*s.get('m', 0) + inc; return w - s['m']
        return w - inc
    return f
def adagrad(lr, init=0.1, eps=1e-7):
    def f(w, g, s, t):
        s['a'] = s.get('a', init) + g*g
        return w - lr*g/np.sqrt(s['a'] + eps)
    return f
def adam(lr, b1=0.9, b2=0.999, eps=1e-7, ams=False):
    def f(w, g, s, t):
        alpha = lr*np.sqrt(1-b2**t)/(1-b1**t)
        s['m'] = s.get('m', 0) + (g - s.get('m', 0))*(1-b1)
        s['v'] = s.get('v', 0) + (g*g - s.get('v', 0))*(1-b2)
        v = s['v']
        if ams:
            s['vh'] = np.maximum(s.get('vh', 0), s['v']); v = s['vh']
        return w - alpha*s['m']/(np.sqrt(v)+eps)
    return f
run('sgd_default', sgd(0.01), {})
run('sgd_mom', sgd(0.1, 0.9), {})
run('sgd_nest', sgd(0.1, 0.9, True), {})
run('rms_default', rms(0.001), {})
run('rms_mom_centered', rms(0.01, 0.8, 0.5, 1e-7, True), {})
run('adagrad_lr0.1', adagrad(0.1), {})
run('adam_lr0.1', adam(0.1), {})
run('adam_ams', adam(0.1, 0.9, 0.999, 1e-7, True), {})
run('adam_b2_0.5', adam(0.1, 0.9, 0.5), {})
run('adam_b2_0.5_ams', adam(0.1, 0.9, 0.5, 1e-7, True), {})
run('rms_centered_only', rms(0.01, 0.9, 0.0, 1e-7, True), {})
run('rms_mom_only', rms(0.01, 0.9, 0.5), {})
