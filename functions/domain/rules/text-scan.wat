;; The text readers' loops that must see every unit of a long text, in WebAssembly with 128-bit
;; vectors (eight UTF-16 units at a time), for Node: the Lambdas and `npm start` (text-scan.ts
;; copies a text's units into this memory; the form, in a browser, keeps the JavaScript loops).
;;
;; Source of text-scan-wasm.ts, which holds the compiled bytes: after an edit, run
;; `npm run build:wasm` (a unit test fails while the two differ).

(module
  ;; text-similarity.ts's class of a unit not seen before (1 kept, 2 left out), which it also
  ;; writes into the table below: the regular expression that decides it runs once per unit
  (import "text" "classify" (func $classify (param i32) (result i32)))

  ;; 0: a class per UTF-16 unit (0 not seen yet, 1 kept, 2 left out: text-similarity.ts's);
  ;; 65536: 65,536 bits, one per hash of a bigram (certainlyBelow);
  ;; 73728 (TEXT in text-scan.ts): the texts' units, grown by text-scan.ts for long texts
  (memory (export "memory") 2)

  ;; How many of the n units from byte offset $from are white space (JavaScript's \s) or the second half of
  ;; a surrogate pair: the units visibleLength does not count. n is a multiple of 8 (the caller
  ;; pads with units 0, which are neither).
  ;;
  ;; \s is 9-13, 0x20, 0xa0, 0x1680, 0x2000-0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 and
  ;; 0xfeff; a second half is 0xdc00-0xdfff. Each is tested by a comparison of all eight units at
  ;; once (a range by a subtraction and an unsigned comparison); a unit in the set gives a lane of
  ;; all ones (-1), so subtracting the lanes counts it. Two passes over the units, each with the
  ;; constants of half the set: with them all in one loop they no longer fit in the processor's
  ;; vector registers, and the loop runs at half the speed.
  (func (export "uncounted") (param $from i32) (param $n i32) (result i32)
    (local $p i32) (local $end i32) (local $v v128) (local $count v128)
    (local $c9 v128) (local $c4 v128) (local $c20 v128) (local $ca0 v128) (local $c3000 v128)
    (local $cdc00 v128) (local $c3ff v128)
    (local $c1680 v128) (local $c2000 v128) (local $c10 v128) (local $c2028 v128) (local $c1 v128)
    (local $c202f v128) (local $c205f v128) (local $cfeff v128)
    (local.set $end (i32.add (local.get $from) (i32.shl (local.get $n) (i32.const 1))))

    ;; 9-13, 0x20, 0xa0, 0x3000, 0xdc00-0xdfff: the blanks of most texts
    (local.set $c9 (i16x8.splat (i32.const 9)))
    (local.set $c4 (i16x8.splat (i32.const 4)))
    (local.set $c20 (i16x8.splat (i32.const 0x20)))
    (local.set $ca0 (i16x8.splat (i32.const 0xa0)))
    (local.set $c3000 (i16x8.splat (i32.const 0x3000)))
    (local.set $cdc00 (i16x8.splat (i32.const 0xdc00)))
    (local.set $c3ff (i16x8.splat (i32.const 0x3ff)))
    (local.set $p (local.get $from))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $count
          (i16x8.sub (local.get $count)
            (v128.or
              (v128.or
                (i16x8.le_u (i16x8.sub (local.get $v) (local.get $c9)) (local.get $c4))
                (i16x8.eq (local.get $v) (local.get $c20)))
              (v128.or
                (v128.or
                  (i16x8.eq (local.get $v) (local.get $ca0))
                  (i16x8.eq (local.get $v) (local.get $c3000)))
                (i16x8.le_u (i16x8.sub (local.get $v) (local.get $cdc00)) (local.get $c3ff))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))

    ;; 0x1680, 0x2000-0x200a, 0x2028-0x2029, 0x202f, 0x205f, 0xfeff: the rare ones
    (local.set $c1680 (i16x8.splat (i32.const 0x1680)))
    (local.set $c2000 (i16x8.splat (i32.const 0x2000)))
    (local.set $c10 (i16x8.splat (i32.const 10)))
    (local.set $c2028 (i16x8.splat (i32.const 0x2028)))
    (local.set $c1 (i16x8.splat (i32.const 1)))
    (local.set $c202f (i16x8.splat (i32.const 0x202f)))
    (local.set $c205f (i16x8.splat (i32.const 0x205f)))
    (local.set $cfeff (i16x8.splat (i32.const 0xfeff)))
    (local.set $p (local.get $from))
    (block $done2
      (loop $next2
        (br_if $done2 (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $count
          (i16x8.sub (local.get $count)
            (v128.or
              (v128.or
                (v128.or
                  (i16x8.eq (local.get $v) (local.get $c1680))
                  (i16x8.le_u (i16x8.sub (local.get $v) (local.get $c2000)) (local.get $c10)))
                (i16x8.le_u (i16x8.sub (local.get $v) (local.get $c2028)) (local.get $c1)))
              (v128.or
                (v128.or
                  (i16x8.eq (local.get $v) (local.get $c202f))
                  (i16x8.eq (local.get $v) (local.get $c205f)))
                (i16x8.eq (local.get $v) (local.get $cfeff))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next2)))

    ;; the eight lanes' counts (the sets are apart: each lane at most n / 8, below 2^16 for the n
    ;; text-scan.ts passes, under 2^18)
    (local.set $count (i32x4.extadd_pairwise_i16x8_u (local.get $count)))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $count)) (i32x4.extract_lane 1 (local.get $count)))
      (i32.add (i32x4.extract_lane 2 (local.get $count)) (i32x4.extract_lane 3 (local.get $count)))))
;; Is a copy of certainlyBelow in text-similarity.ts (read its comment for why the bound
  ;; holds): the texts' units at byte offsets $a and $b, $na and $nb units long. 1: the similarity
  ;; of their bigrams is certainly below $atLeast; 0: not certain. The same arithmetic, in the
  ;; same order, in 64-bit floats: the same answer for every pair (text-scan.test.ts). A unit's
  ;; class is read from the table, asked of text-similarity.ts the first time; a bigram's bit is
  ;; Math.imul((first << 16) | second, 0x9e3779b1) >>> 16. Both written out in the loops: calls
  ;; to small functions of their own made the loops slower than the JavaScript.
  (func (export "certainlyBelow") (param $a i32) (param $na i32) (param $b i32) (param $nb i32) (param $atLeast f64) (result i32)
    (local $p i32) (local $end i32) (local $unit i32) (local $previous i32) (local $bit i32) (local $word i32)
    (local $class i32) (local $keptA i32) (local $keptB i32) (local $most i32) (local $missing i32) (local $mostNeeded f64) (local $total i32)
    (memory.fill (i32.const 65536) (i32.const 0) (i32.const 8192))

    ;; a's bigrams, as bits
    (local.set $previous (i32.const -1))
    (local.set $p (local.get $a))
    (local.set $end (i32.add (local.get $a) (i32.shl (local.get $na) (i32.const 1))))
    (block $doneA
      (loop $nextA
        (br_if $doneA (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $unit (i32.load16_u (local.get $p)))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (local.set $class (i32.load8_u (local.get $unit)))
        (if (i32.eqz (local.get $class)) (then (local.set $class (call $classify (local.get $unit)))))
        (br_if $nextA (i32.ne (local.get $class) (i32.const 1)))
        (if (i32.ge_s (local.get $previous) (i32.const 0))
          (then
            (local.set $bit
              (i32.shr_u
                (i32.mul (i32.or (i32.shl (local.get $previous) (i32.const 16)) (local.get $unit)) (i32.const 0x9e3779b1))
                (i32.const 16)))
            (local.set $word (i32.add (i32.const 65536) (i32.shl (i32.shr_u (local.get $bit) (i32.const 5)) (i32.const 2))))
            (i32.store (local.get $word)
              (i32.or (i32.load (local.get $word)) (i32.shl (i32.const 1) (i32.and (local.get $bit) (i32.const 31)))))))
        (local.set $previous (local.get $unit))
        (local.set $keptA (i32.add (local.get $keptA) (i32.const 1)))
        (br $nextA)))

    ;; b's, until the bound falls below $atLeast
    (local.set $most (select (i32.sub (local.get $nb) (i32.const 1)) (i32.const 0) (i32.gt_s (local.get $nb) (i32.const 1))))
    (local.set $mostNeeded
      (f64.sub
        (f64.mul (local.get $atLeast)
          (f64.convert_i32_s
            (i32.add (select (i32.sub (local.get $keptA) (i32.const 1)) (i32.const 0) (i32.gt_s (local.get $keptA) (i32.const 1))) (local.get $most))))
        (f64.const 1e-9)))
    (local.set $previous (i32.const -1))
    (local.set $p (local.get $b))
    (local.set $end (i32.add (local.get $b) (i32.shl (local.get $nb) (i32.const 1))))
    (block $doneB
      (loop $nextB
        (br_if $doneB (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $unit (i32.load16_u (local.get $p)))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (local.set $class (i32.load8_u (local.get $unit)))
        (if (i32.eqz (local.get $class)) (then (local.set $class (call $classify (local.get $unit)))))
        (br_if $nextB (i32.ne (local.get $class) (i32.const 1)))
        (if (i32.ge_s (local.get $previous) (i32.const 0))
          (then
            (local.set $bit
              (i32.shr_u
                (i32.mul (i32.or (i32.shl (local.get $previous) (i32.const 16)) (local.get $unit)) (i32.const 0x9e3779b1))
                (i32.const 16)))
            (if (i32.eqz
                  (i32.and
                    (i32.load (i32.add (i32.const 65536) (i32.shl (i32.shr_u (local.get $bit) (i32.const 5)) (i32.const 2))))
                    (i32.shl (i32.const 1) (i32.and (local.get $bit) (i32.const 31)))))
              (then
                (local.set $missing (i32.add (local.get $missing) (i32.const 1)))
                (if (f64.lt
                      (f64.convert_i32_s (i32.shl (i32.sub (local.get $most) (local.get $missing)) (i32.const 1)))
                      (local.get $mostNeeded))
                  (then (return (i32.const 1))))))))
        (local.set $previous (local.get $unit))
        (local.set $keptB (i32.add (local.get $keptB) (i32.const 1)))
        (br $nextB)))

    (local.set $keptA (select (i32.sub (local.get $keptA) (i32.const 1)) (i32.const 0) (i32.gt_s (local.get $keptA) (i32.const 1))))
    (local.set $keptB (select (i32.sub (local.get $keptB) (i32.const 1)) (i32.const 0) (i32.gt_s (local.get $keptB) (i32.const 1))))
    (local.set $total (i32.add (local.get $keptA) (local.get $keptB)))
    (i32.and
      (i32.gt_s (local.get $total) (i32.const 0))
      (f64.lt
        (f64.convert_i32_s (i32.shl (i32.sub (local.get $keptB) (local.get $missing)) (i32.const 1)))
        (f64.sub (f64.mul (local.get $atLeast) (f64.convert_i32_s (local.get $total))) (f64.const 1e-9)))))
)
