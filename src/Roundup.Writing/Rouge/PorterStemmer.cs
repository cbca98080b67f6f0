namespace Roundup.Writing.Rouge;

/// <summary>
/// The Porter (1980) suffix-stripping stemmer, as in Martin Porter's reference implementation (which has the later
/// "bli → ble" and "logi → log" rules). It takes a lower-case ASCII word. NLTK's default mode, used by the
/// <c>rouge-score</c> package, adds a few irregular forms ("dying", "skies"); those rarely matter for ROUGE.
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        var w = new Word(word);
        w.Step1A();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    /// <summary>The word being stemmed: a buffer whose end moves as suffixes are stripped.</summary>
    private sealed class Word(string text)
    {
        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize",
        ];

        private readonly char[] _letters = text.ToCharArray();
        private int _end = text.Length;

        public override string ToString() => new(_letters, 0, _end);

        public void Step1A()
        {
            if (EndsWith("sses") || EndsWith("ies"))
            {
                _end -= 2;
            }
            else if (!EndsWith("ss") && EndsWith("s"))
            {
                _end -= 1;
            }
        }

        public void Step1B()
        {
            if (EndsWith("eed"))
            {
                if (Measure(_end - 3) > 0)
                {
                    _end -= 1;
                }

                return;
            }

            int stem;
            if (EndsWith("ed") && HasVowel(_end - 2))
            {
                stem = _end - 2;
            }
            else if (EndsWith("ing") && HasVowel(_end - 3))
            {
                stem = _end - 3;
            }
            else
            {
                return;
            }

            _end = stem;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                Append('e');
            }
            else if (EndsWithDoubleConsonant(_end) && _letters[_end - 1] is not ('l' or 's' or 'z'))
            {
                _end -= 1;
            }
            else if (Measure(_end) == 1 && EndsConsonantVowelConsonant(_end))
            {
                Append('e');
            }
        }

        public void Step1C()
        {
            if (EndsWith("y") && HasVowel(_end - 1))
            {
                _letters[_end - 1] = 'i';
            }
        }

        public void Step2() => Replace(Step2Rules, minMeasure: 1);

        public void Step3() => Replace(Step3Rules, minMeasure: 1);

        public void Step4()
        {
            foreach (var suffix in Step4Suffixes.OrderByDescending(s => s.Length))
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                var stem = _end - suffix.Length;
                var allowed = suffix != "ion" || (stem > 0 && _letters[stem - 1] is 's' or 't');
                if (allowed && Measure(stem) > 1)
                {
                    _end = stem;
                }

                return;
            }
        }

        public void Step5()
        {
            if (EndsWith("e"))
            {
                var m = Measure(_end - 1);
                if (m > 1 || (m == 1 && !EndsConsonantVowelConsonant(_end - 1)))
                {
                    _end -= 1;
                }
            }

            if (_end > 1 && _letters[_end - 1] == 'l' && EndsWithDoubleConsonant(_end) && Measure(_end) > 1)
            {
                _end -= 1;
            }
        }

        /// <summary>The longest matching suffix decides; when its condition fails no shorter one is tried.</summary>
        private void Replace((string Suffix, string Replacement)[] rules, int minMeasure)
        {
            var match = rules.Where(r => EndsWith(r.Suffix)).OrderByDescending(r => r.Suffix.Length).FirstOrDefault();
            if (match.Suffix is null)
            {
                return;
            }

            var stem = _end - match.Suffix.Length;
            if (Measure(stem) >= minMeasure)
            {
                _end = stem;
                foreach (var c in match.Replacement)
                {
                    Append(c);
                }
            }
        }

        private void Append(char c)
        {
            _letters[_end] = c;
            _end++;
        }

        private bool EndsWith(string suffix)
        {
            if (suffix.Length > _end)
            {
                return false;
            }

            for (var i = 0; i < suffix.Length; i++)
            {
                if (_letters[_end - suffix.Length + i] != suffix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsConsonant(int i) => _letters[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m in [C](VC)^m[V] for the first <paramref name="length"/> letters.</summary>
        private int Measure(int length)
        {
            var m = 0;
            var i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }

            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }

                if (i >= length)
                {
                    break;
                }

                while (i < length && IsConsonant(i))
                {
                    i++;
                }

                m++;
            }

            return m;
        }

        private bool HasVowel(int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool EndsWithDoubleConsonant(int length) =>
            length >= 2 && _letters[length - 1] == _letters[length - 2] && IsConsonant(length - 1);

        /// <summary>*o: consonant, vowel, consonant at the end, the last not w, x or y.</summary>
        private bool EndsConsonantVowelConsonant(int length) =>
            length >= 3 && IsConsonant(length - 3) && !IsConsonant(length - 2) && IsConsonant(length - 1)
            && _letters[length - 1] is not ('w' or 'x' or 'y');
    }
}
