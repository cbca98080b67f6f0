namespace Roundup.FullText.Tests.Fixtures;

public static class LatexFixtures
{
    public const string Minimal = """
        \documentclass{article}
        \title{Minimal}
        \begin{document}
        \maketitle
        \section{Introduction}
        Hello.
        \end{document}
        """;

    /// <summary>A paper exercising structure and macros, with <paramref name="hidden"/> placed in its introduction.</summary>
    public static string Paper(string hidden = "") => $$$"""
        \documentclass{article}
        \usepackage{xcolor}
        \definecolor{paper}{rgb}{1,1,1}
        \newcommand{\method}{SuperNet}
        \newcommand{\hl}[1]{\textbf{#1}}
        \title{Learning with \method: a Study\thanks{Work done at home.}}
        \begin{document}
        \maketitle
        \begin{abstract}
        We present \method{}, which is 3.2$\times$ faster. % a comment with IGNORE
        \end{abstract}
        \section{Introduction}
        \label{sec:intro}
        Deep \emph{repre-
        sentation} learning~\cite{smith2020,doe2021} is \hl{popular}; see Section~\ref{sec:exp} and 50\% of \url{https://example.org/code}.
        {{{hidden}}}

        A second paragraph with math $a^2 + b^2 = c^2$ and \'{e}t\'e and the ﬁnal word.
        \section{Method}
        \paragraph{Setup}
        We train \method.
        \begin{figure}[t]
        \includegraphics[width=\linewidth]{fig.pdf}
        \caption{Overview of \method{} on CIFAR-10.}
        \end{figure}
        \section{Experiments}
        \label{sec:exp}
        \begin{table}
        \begin{tabular}{lc}
        \toprule
        Model & Acc. \\
        \midrule
        \method & 91.5\% \\
        \multicolumn{1}{l}{Baseline} & 88.0\% \\
        \bottomrule
        \end{tabular}
        \caption{Results on ImageNet.}
        \end{table}
        Results are in Table~\ref{tab:res}.
        \appendix
        \section{Extra Details}
        More.
        \begin{thebibliography}{9}
        \bibitem[{Smith(2020)}]{smith2020} J.~Smith. \newblock A paper. \newblock In \emph{NeurIPS}, 2020.
        \bibitem{doe2021} J. Doe. Another paper. 2021.
        \end{thebibliography}
        \end{document}
        """;
}
