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

# base_optimizer.py's apply(): clip the gradients, decay the weights, then the optimizer's update,
# with lr = schedule(iterations) (iterations counted before the step).
def clip_by_norm(g, c):
    l2 = np.sqrt(np.sum(g*g))
    return g * c / np.maximum(l2, c)
def clip_by_global_norm(gs, c):
    n = np.sqrt(sum(np.sum(g*g) for g in gs))
    scale = c * np.minimum(1.0/n, 1.0/c) + (n - n)
    return [g*scale for g in gs]
def keras_apply(update, lr_at, wd=None, clipnorm=None, global_clipnorm=None, clipvalue=None):
    def f(w, g, s, t):
        if clipnorm: g = clip_by_norm(g, clipnorm)
        elif global_clipnorm: g = clip_by_global_norm([g], global_clipnorm)[0]
        elif clipvalue: g = np.clip(g, -clipvalue, clipvalue)
        lr = lr_at(t - 1)
        if wd is not None: w = w - w*wd*lr
        return update(lr)(w, g, s, t)
    return f
const = lambda v: (lambda step: v)
def expdecay(init, steps, rate, stair=False):
    return lambda step: init * rate ** (np.floor(step/steps) if stair else step/steps)
# update(lr) builds the optimizer's own rule at that step's learning rate; state s is shared.
def sgd_at(mom=0.0, nest=False): return lambda lr: sgd(lr, mom, nest)
def adam_at(b1=0.9, b2=0.999, eps=1e-7, ams=False): return lambda lr: adam(lr, b1, b2, eps, ams)
def rms_at(rho=0.9, mom=0.0, eps=1e-7, c=False): return lambda lr: rms(lr, rho, mom, eps, c)
def adagrad_at(init=0.1, eps=1e-7): return lambda lr: adagrad(lr, init, eps)
run('adamw_default_lr0.1', keras_apply(adam_at(), const(0.1), wd=0.004), {})
run('sgd_wd0.1_lr0.5', keras_apply(sgd_at(), const(0.5), wd=0.1), {})
run('sgd_mom_clipnorm0.5', keras_apply(sgd_at(0.9), const(0.1), clipnorm=0.5), {})
run('adam_globalclip0.3_wd0.05', keras_apply(adam_at(), const(0.1), wd=0.05, global_clipnorm=0.3), {})
run('rms_clipvalue0.25', keras_apply(rms_at(), const(0.01), clipvalue=0.25), {})
run('adagrad_wd0.2', keras_apply(adagrad_at(), const(0.1), wd=0.2), {})
run('sgd_expdecay', keras_apply(sgd_at(), expdecay(0.5, 1, 0.5)), {})
run('adam_expdecay_stair_wd', keras_apply(adam_at(), expdecay(0.1, 2, 0.5, True), wd=0.01), {})
