"""Triton Python-backend model for the Portalis type model (numpy only: runs in NVIDIA's container
without Portalis installed). The feature tokens are made by the client
(portalis.model.features.tokens); this side hashes them (crc32, as analyzers/model/linear.py) and
scores them with the weights shipped beside this file (weights.npz, written by
scripts/model_train.py)."""
import json
import os
import zlib

import numpy as np
import triton_python_backend_utils as pb_utils


class TritonPythonModel:
    def initialize(self, args):
        here = os.path.join(args["model_repository"], args["model_version"])
        w = np.load(os.path.join(here, "weights.npz"))
        self.W = w["W"].astype(np.float32)
        self.b = w["b"].astype(np.float32)
        self.T = float(w["T"])
        self.dim = int(w["dim"])
        labels = [str(l) for l in w["labels"]]
        # the last label may be "<other>" (every type outside the vocabulary): never answered
        self.n = len(labels) - 1 if labels and labels[-1] == "<other>" else len(labels)
        self.labels = np.array([l.encode("utf-8") for l in labels], dtype=np.object_)

    def _score(self, raw):
        toks = raw.decode("utf-8", "replace").split("\n") if raw else []
        idx = np.unique(np.fromiter((zlib.crc32(t.encode("utf-8")) & (self.dim - 1) for t in toks if t),
                                    dtype=np.int64))
        z = (self.W[idx].sum(axis=0) + self.b) / self.T
        z -= z.max()
        p = np.exp(z)
        p /= p.sum()
        k = int(p[:self.n].argmax())
        return self.labels[k], np.float32(p[k])

    def execute(self, requests):
        responses = []
        for req in requests:
            rows = pb_utils.get_input_tensor_by_name(req, "tokens").as_numpy()   # [B, 1] object(bytes)
            out = [self._score(r[0]) for r in rows]
            py = np.array([[o[0]] for o in out], dtype=np.object_)
            conf = np.array([[o[1]] for o in out], dtype=np.float32)
            responses.append(pb_utils.InferenceResponse([pb_utils.Tensor("python", py),
                                                         pb_utils.Tensor("confidence", conf)]))
        return responses
