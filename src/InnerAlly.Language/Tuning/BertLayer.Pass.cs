namespace InnerAlly.Language.Tuning;

public sealed partial class BertLayer
{
    /// <summary>What one forward pass over a sequence of <see cref="Tokens"/> token states keeps for backward.</summary>
    public sealed class Pass
    {
        internal Pass(int tokens, BertLayer layer)
        {
            Tokens = tokens;
            var h = layer.Hidden;
            Input = new float[tokens * h];
            (Q, K, V, Context) = (new float[tokens * h], new float[tokens * h], new float[tokens * h], new float[tokens * h]);
            Attention = new float[layer.Heads * tokens * tokens];
            (Norm1, Hat1, InvStd1) = (new float[tokens * h], new float[tokens * h], new float[tokens]);
            (Pre, Act) = (new float[tokens * layer.Inner], new float[tokens * layer.Inner]);
            (Output, Hat2, InvStd2) = (new float[tokens * h], new float[tokens * h], new float[tokens]);
        }

        public int Tokens { get; }

        internal float[] Input { get; }

        internal float[] Q { get; }

        internal float[] K { get; }

        internal float[] V { get; }

        internal float[] Attention { get; }

        internal float[] Context { get; }

        internal float[] Norm1 { get; }

        internal float[] Hat1 { get; }

        internal float[] InvStd1 { get; }

        internal float[] Pre { get; }

        internal float[] Act { get; }

        internal float[] Hat2 { get; }

        internal float[] InvStd2 { get; }

        /// <summary>The layer's output, [tokens, hidden].</summary>
        public float[] Output { get; }
    }
}
