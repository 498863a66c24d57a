namespace Engram.Components.Training;

/// <summary>
/// How an analog algorithm uses a layer's arrays (docs/training.md). <see cref="LearningRate"/> is the gradient's
/// rate onto the array it pulses (C for SGD, the fast array A for Tiki-Taka, TTv2 and SHD).
/// </summary>
/// <param name="UsesFastArray">Gradient pulses go onto A, and A is transferred into C (Tiki-Taka family).</param>
/// <param name="Gamma">Weight of A in the forward and backward reads (W = C + γ·A); 0 for SHD and TTv2.</param>
/// <param name="Buffered">TTv2: transfer reads accumulate in a digital buffer H and write C only past a threshold.</param>
/// <param name="TransferLearningRate">Rate of the transfer A → C (TTv1/SHD: the pulse update's lr; TTv2: the buffer's gain).</param>
/// <param name="TransferEvery">Samples between transfer events.</param>
/// <param name="ReadsPerTransfer">Input lines of A read and written into C per transfer event.</param>
/// <param name="BufferMomentum">TTv2: what of H stays after a write (aihwkit <c>momentum</c>, forget_buffer).</param>
/// <param name="MaxTransferPulses">TTv2: most pulses one buffer entry writes per read (aihwkit <c>transfer_update.desired_bl</c>).</param>
/// <param name="ThresholdScale">TTv2: H writes one pulse per multiple of this × C's granularity (aihwkit <c>thres_scale</c>).</param>
public sealed record AnalogRule(
    bool UsesFastArray,
    double Gamma,
    bool Buffered,
    double LearningRate,
    double TransferLearningRate,
    int TransferEvery,
    int ReadsPerTransfer,
    double BufferMomentum = 0.1,
    int MaxTransferPulses = 1,
    double ThresholdScale = 1.0);
