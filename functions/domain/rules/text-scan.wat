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
  ;; 73728 (OUT in text-scan.ts): 8 KB of results (subjectSentences' bounds, kindEvents' positions);
  ;; 81920 (KINDS): narrative-claims.ts's kind of each UTF-16 unit (kindEvents), copied in once;
  ;; 147456 (TEXT): the texts' units, grown by text-scan.ts for long texts
  (memory (export "memory") 3)

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
    (local $c1680 v128) (local $c9df v128) (local $c2000 v128) (local $c10 v128) (local $c2028 v128) (local $c1 v128)
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

    ;; 0x1680, 0x2000-0x200a, 0x2028-0x2029, 0x202f, 0x205f, 0xfeff: the rare ones, counted only in
    ;; the steps that hold a unit from 0x1680 to 0x205f or 0xfeff (two comparisons a step; nearly
    ;; no text has one)
    (local.set $c1680 (i16x8.splat (i32.const 0x1680)))
    (local.set $c9df (i16x8.splat (i32.const 0x9df)))
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
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $next2
          (i32.eqz
            (v128.any_true
              (v128.or
                (i16x8.le_u (i16x8.sub (local.get $v) (local.get $c1680)) (local.get $c9df))
                (i16x8.eq (local.get $v) (local.get $cfeff))))))
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

  ;; subjectSentences in narrative-claims.ts (read its comment): the sentences that name 申请, 复议
  ;; or 诉讼, each found after the one before, as [start, end) in units, written as pairs of i32
  ;; from 73728; the count, or -1 for more than 1,024 (then the JavaScript steps read the text). A
  ;; sentence ends at 。；;！!？? or a line break (claim-words.ts SENTENCE_BREAKS) or the text's end.
  ;; The words' first characters and the breaks are looked for eight units at a time; $text's
  ;; units are followed by units 0 up to a multiple of 8, and anything may follow those: a unit
  ;; found at $n or after is not the text's.
  (func (export "subjectSentences") (param $text i32) (param $n i32) (result i32)
    (local $p i32) (local $q i32) (local $u i32) (local $w i32) (local $start i32) (local $end i32)
    (local $count i32) (local $mask i32) (local $v v128)
    (local $shen v128) (local $fu v128) (local $su v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128) (local $b4 v128) (local $b5 v128) (local $b6 v128) (local $b7 v128)
    (local.set $shen (i16x8.splat (i32.const 0x7533)))
    (local.set $fu (i16x8.splat (i32.const 0x590d)))
    (local.set $su (i16x8.splat (i32.const 0x8bc9)))
    (local.set $b0 (i16x8.splat (i32.const 0x3002))) (local.set $b1 (i16x8.splat (i32.const 0xff1b))) (local.set $b2 (i16x8.splat (i32.const 0x3b))) (local.set $b3 (i16x8.splat (i32.const 0xff01))) (local.set $b4 (i16x8.splat (i32.const 0x21))) (local.set $b5 (i16x8.splat (i32.const 0xff1f))) (local.set $b6 (i16x8.splat (i32.const 0x3f))) (local.set $b7 (i16x8.splat (i32.const 0xa)))
    (block $finished
      (loop $sentence
        ;; q: the first of 申请, 复议, 诉讼 from p
        (block $found
          (loop $search
            (br_if $finished (i32.ge_u (local.get $p) (local.get $n)))
            (local.set $v (v128.load (i32.add (local.get $text) (i32.shl (local.get $p) (i32.const 1)))))
            (local.set $mask
              (i16x8.bitmask
                (v128.or (v128.or (i16x8.eq (local.get $v) (local.get $shen)) (i16x8.eq (local.get $v) (local.get $fu)))
                  (i16x8.eq (local.get $v) (local.get $su)))))
            (if (i32.eqz (local.get $mask))
              (then
                (local.set $p (i32.add (local.get $p) (i32.const 8)))
                (br $search)))
            (local.set $q (i32.add (local.get $p) (i32.ctz (local.get $mask))))
            (br_if $finished (i32.ge_u (i32.add (local.get $q) (i32.const 1)) (local.get $n)))
            (local.set $u (i32.load16_u (i32.add (local.get $text) (i32.shl (local.get $q) (i32.const 1)))))
            (local.set $w (i32.load16_u (i32.add (local.get $text) (i32.add (i32.shl (local.get $q) (i32.const 1)) (i32.const 2)))))
            (br_if $found
              (i32.or
                (i32.or
                  (i32.and (i32.eq (local.get $u) (i32.const 0x7533)) (i32.eq (local.get $w) (i32.const 0x8bf7)))
                  (i32.and (i32.eq (local.get $u) (i32.const 0x590d)) (i32.eq (local.get $w) (i32.const 0x8bae))))
                (i32.and (i32.eq (local.get $u) (i32.const 0x8bc9)) (i32.eq (local.get $w) (i32.const 0x8bbc)))))
            (local.set $p (i32.add (local.get $q) (i32.const 1)))
            (br $search)))

        ;; start: back from q to the unit after a break, eight units at a time, then one at a time
        (local.set $start (local.get $q))
        (block $started
          (loop $back
            (br_if $started (i32.lt_u (local.get $start) (i32.const 8)))
            (local.set $v (v128.load (i32.add (local.get $text) (i32.shl (i32.sub (local.get $start) (i32.const 8)) (i32.const 1)))))
            (local.set $mask (i16x8.bitmask (v128.or (v128.or (v128.or (i16x8.eq (local.get $v) (local.get $b0)) (i16x8.eq (local.get $v) (local.get $b1))) (v128.or (i16x8.eq (local.get $v) (local.get $b2)) (i16x8.eq (local.get $v) (local.get $b3)))) (v128.or (v128.or (i16x8.eq (local.get $v) (local.get $b4)) (i16x8.eq (local.get $v) (local.get $b5))) (v128.or (i16x8.eq (local.get $v) (local.get $b6)) (i16x8.eq (local.get $v) (local.get $b7)))))))
            (if (local.get $mask)
              (then
                (local.set $start (i32.sub (local.get $start) (i32.sub (i32.const 7) (i32.sub (i32.const 31) (i32.clz (local.get $mask))))))
                (br $started)))
            (local.set $start (i32.sub (local.get $start) (i32.const 8)))
            (br $back))
          )
        (block $atStart
          (loop $backOne
            (br_if $atStart (i32.eqz (local.get $start)))
            (local.set $u (i32.load16_u (i32.add (local.get $text) (i32.shl (i32.sub (local.get $start) (i32.const 1)) (i32.const 1)))))
            (br_if $atStart (i32.or (i32.or (i32.or (i32.eq (local.get $u) (i32.const 0x3002)) (i32.eq (local.get $u) (i32.const 0xff1b))) (i32.or (i32.eq (local.get $u) (i32.const 0x3b)) (i32.eq (local.get $u) (i32.const 0xff01)))) (i32.or (i32.or (i32.eq (local.get $u) (i32.const 0x21)) (i32.eq (local.get $u) (i32.const 0xff1f))) (i32.or (i32.eq (local.get $u) (i32.const 0x3f)) (i32.eq (local.get $u) (i32.const 0xa))))))
            (local.set $start (i32.sub (local.get $start) (i32.const 1)))
            (br $backOne)))

        ;; end: on from q to a break, or the text's end
        (local.set $end (local.get $q))
        (block $ended
          (loop $on
            (br_if $ended (i32.ge_u (local.get $end) (local.get $n)))
            (local.set $v (v128.load (i32.add (local.get $text) (i32.shl (local.get $end) (i32.const 1)))))
            (local.set $mask (i16x8.bitmask (v128.or (v128.or (v128.or (i16x8.eq (local.get $v) (local.get $b0)) (i16x8.eq (local.get $v) (local.get $b1))) (v128.or (i16x8.eq (local.get $v) (local.get $b2)) (i16x8.eq (local.get $v) (local.get $b3)))) (v128.or (v128.or (i16x8.eq (local.get $v) (local.get $b4)) (i16x8.eq (local.get $v) (local.get $b5))) (v128.or (i16x8.eq (local.get $v) (local.get $b6)) (i16x8.eq (local.get $v) (local.get $b7)))))))
            (if (local.get $mask)
              (then
                (local.set $end (i32.add (local.get $end) (i32.ctz (local.get $mask))))
                (br $ended)))
            (local.set $end (i32.add (local.get $end) (i32.const 8)))
            (br $on)))
        (if (i32.gt_u (local.get $end) (local.get $n)) (then (local.set $end (local.get $n))))

        (if (i32.ge_u (local.get $count) (i32.const 1024)) (then (return (i32.const -1))))
        (i32.store (i32.add (i32.const 73728) (i32.shl (local.get $count) (i32.const 3))) (local.get $start))
        (i32.store (i32.add (i32.const 73732) (i32.shl (local.get $count) (i32.const 3))) (local.get $end))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (local.set $p (i32.add (local.get $end) (i32.const 1)))
        (br $sentence)))
    (local.get $count))
  ;; The units from $from to $to of the text at $text whose kind in the table at 81920
  ;; (narrative-claims.ts KIND) is above $plain, in order, written as i32 from 73728: the position
  ;; (in units) with the kind in the top byte (position | kind << 24), so the reader looks up no
  ;; kind again; the count, or -1 for more than 2,048. The claims reader steps through these only:
  ;; in a sentence most units are plain, and a step through all of them in JavaScript cost 5 ns a unit.
  (func (export "kindEvents") (param $text i32) (param $from i32) (param $to i32) (param $plain i32) (result i32)
    (local $p i32) (local $end i32) (local $count i32) (local $unit i32) (local $kind i32)
    (local.set $p (i32.add (local.get $text) (i32.shl (local.get $from) (i32.const 1))))
    (local.set $end (i32.add (local.get $text) (i32.shl (local.get $to) (i32.const 1))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $unit (i32.load16_u (local.get $p)))
        (local.set $kind (i32.load8_u (i32.add (i32.const 81920) (local.get $unit))))
        (if (i32.gt_u (local.get $kind) (local.get $plain))
          (then
            (if (i32.ge_u (local.get $count) (i32.const 2048)) (then (return (i32.const -1))))
            (i32.store (i32.add (i32.const 73728) (i32.shl (local.get $count) (i32.const 2)))
              (i32.or
                (i32.shr_u (i32.sub (local.get $p) (local.get $text)) (i32.const 1))
                (i32.shl (local.get $kind) (i32.const 24))))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $next)))
    (local.get $count))
  ;; The position of the first unit equal to $unit from unit $from on in the $n units at $text, or
  ;; -1: `text.indexOf(sign, from)` for a sign whose search the engine makes slow. The engine looks
  ;; for a unit's higher byte with memchr and checks each hit: for a full-width sign (％, U+FF05) that
  ;; byte is 0xFF, the high byte of every full-width comma and bracket, so it stops every few
  ;; characters of a Chinese text (1.1 µs for the 宿迁 overview; this, 32 units a step, 0.1).
  ;; The last load may pass the text's end by up to seven units (text-scan.ts pads the text and
  ;; leaves 16 bytes after it): a unit found there is not the text's.
  (func (export "firstUnit") (param $text i32) (param $n i32) (param $from i32) (param $unit i32) (result i32)
    (local $p i32) (local $end i32) (local $u v128) (local $mask i32) (local $at i32)
    (local.set $u (i16x8.splat (local.get $unit)))
    (local.set $p (i32.add (local.get $text) (i32.shl (local.get $from) (i32.const 1))))
    (local.set $end (i32.add (local.get $text) (i32.shl (local.get $n) (i32.const 1))))
    ;; 32 units a step while they are all the text's, to the first step that holds the unit
    (block $found
      (loop $block
        (br_if $found (i32.gt_u (i32.add (local.get $p) (i32.const 64)) (local.get $end)))
        (br_if $found
          (v128.any_true
            (v128.or
              (v128.or
                (i16x8.eq (v128.load (local.get $p)) (local.get $u))
                (i16x8.eq (v128.load offset=16 (local.get $p)) (local.get $u)))
              (v128.or
                (i16x8.eq (v128.load offset=32 (local.get $p)) (local.get $u))
                (i16x8.eq (v128.load offset=48 (local.get $p)) (local.get $u))))))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $block)))
    ;; then eight at a time, to the unit's lane
    (block $none
      (loop $next
        (br_if $none (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $mask (i16x8.bitmask (i16x8.eq (v128.load (local.get $p)) (local.get $u))))
        (if (local.get $mask)
          (then
            (local.set $at
              (i32.add (i32.shr_u (i32.sub (local.get $p) (local.get $text)) (i32.const 1)) (i32.ctz (local.get $mask))))
            (return (select (local.get $at) (i32.const -1) (i32.lt_u (local.get $at) (local.get $n))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))
    (i32.const -1))
)
